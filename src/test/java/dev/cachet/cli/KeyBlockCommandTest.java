package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.policy.BlockedKeys;
import dev.cachet.server.CachetConfig;
import dev.cachet.server.ConfigLoader;
import dev.cachet.server.Storage;
import dev.cachet.store.BlockedKey;
import dev.cachet.store.jdbc.JdbcBlockedKeyStore;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet key block} on the H2 database of a data folder, no server running. */
class KeyBlockCommandTest {
    @TempDir
    Path dir;

    @Test
    void blocksTheKeyOfACsrOnceAndSaysSoTheSecondTime() {
        Workspace workspace = new Workspace(dir);
        Path csr = workspace.newCsr("leaked", "ec-p256", "--subject", "CN=leaked.example.org");
        String hash = BlockedKeys.spkiSha256(dev.cachet.crypto.PemDocument.read(csr).csr()
                .getSubjectPublicKeyInfo());

        CliRunner.Result first = CliRunner.run("key", "block", "--data", data(), "--csr", csr.toString(),
                "--reason", "published on a paste site");
        CliRunner.Result again = CliRunner.run("key", "block", "--data", data(), "--spki-sha256",
                hash.toUpperCase());

        assertThat(first.err()).isEmpty();
        assertThat(first.out()).isEqualTo("Blocked key " + hash + System.lineSeparator());
        assertThat(again.out()).isEqualTo("Already blocked: key " + hash + System.lineSeparator());
        assertThat(blocked(hash)).hasValueSatisfying(k -> assertThat(k.source())
                .isEqualTo("published on a paste site (cachet key block)"));
    }

    @Test
    void aHashThatIsNoSha256IsOneLine() {
        assertBadInput(CliRunner.run("key", "block", "--data", data(), "--spki-sha256", "abc"),
                "--spki-sha256: not a SHA-256 hash (64 hex digits)");
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private Optional<BlockedKey> blocked(String hash) {
        CachetConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", data()));
        try (Storage storage = Storage.open(config, Clock.systemUTC())) {
            return new JdbcBlockedKeyStore(storage.database().dataSource()).find(hash);
        }
    }
}
