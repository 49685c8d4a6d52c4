package dev.cachet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.store.BlockedKey;
import dev.cachet.testing.InMemoryBlockedKeyStore;
import dev.cachet.testing.PkiFixtures;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockedKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SubjectPublicKeyInfo KEY = key();
    private static final SubjectPublicKeyInfo OTHER = key();

    @TempDir
    Path dir;

    @Test
    void theHashIsTheSha256OfTheDerSubjectPublicKeyInfo() throws Exception {
        String colons = PkiFixtures.sha256(KEY.getEncoded("DER"));
        assertThat(BlockedKeys.spkiSha256(KEY)).isEqualTo(colons.replace(":", "").toLowerCase());
    }

    @Test
    void refusesKeysListedInTheFileWithCommentsAndUpperCase() {
        Path file = PkiFixtures.write(dir, "blocked.txt", "# compromised keys\n\n"
                + BlockedKeys.spkiSha256(KEY).toUpperCase() + "  # the test key\n");
        BlockedKeys blocked = BlockedKeys.listedOnly(BlockedKeys.readFile(file));

        assertThatThrownBy(() -> blocked.check(KEY)).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_PUBLIC_KEY))
                .hasMessage("key refused (EC P-256): it is on the blocked-keys list (listed in the blocked-keys"
                        + " file); use a new key");
        blocked.check(OTHER);
    }

    @Test
    void refusesKeysTheStoreBlocked() {
        InMemoryBlockedKeyStore store = new InMemoryBlockedKeyStore();
        BlockedKeys blocked = new BlockedKeys(Set.of(), store);
        blocked.check(KEY);

        store.add(new BlockedKey(BlockedKeys.spkiSha256(KEY), "keyCompromise revocation of serial 1f by test",
                Instant.parse("2026-11-27T10:00:00Z")));

        assertThatThrownBy(() -> blocked.check(KEY)).hasMessageEndingWith("(blocked since 2026-11-27T10:00:00Z:"
                + " keyCompromise revocation of serial 1f by test); use a new key");
        blocked.check(OTHER);
    }

    @Test
    void aBadLineNamesTheFileAndLine() {
        Path file = PkiFixtures.write(dir, "blocked.txt", BlockedKeys.spkiSha256(KEY) + "\nnot-a-hash\n");

        assertThatThrownBy(() -> BlockedKeys.readFile(file)).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.MALFORMED))
                .hasMessage(file + ":2: not a SHA-256 hash of a public key (64 hex digits)");
        assertThatThrownBy(() -> BlockedKeys.readFile(dir.resolve("missing.txt")))
                .hasMessageContaining("cannot read the blocked-keys file");
    }

    private static SubjectPublicKeyInfo key() {
        return SubjectPublicKeyInfo.getInstance(new KeyPairFactory(RANDOM).generate(KeyType.EC_P256).getPublic()
                .getEncoded());
    }
}
