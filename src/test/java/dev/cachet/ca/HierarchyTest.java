package dev.cachet.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PemDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void createsARootAndAnIntermediateWithPathLenZero() {
        CaMaterial ca = new Hierarchy(new SecureRandom(), CLOCK).create("Example Root CA", KeyType.EC_P384);

        X509CertificateHolder root = ca.root();
        X509CertificateHolder intermediate = ca.intermediate();
        assertThat(root.getSubject()).isEqualTo(root.getIssuer());
        assertThat(root.getSubject().toString()).isEqualTo("CN=Example Root CA");
        assertThat(intermediate.getSubject().toString()).isEqualTo("CN=Example Intermediate CA");
        assertThat(intermediate.getIssuer()).isEqualTo(root.getSubject());
        assertThat(BasicConstraints.fromExtensions(root.getExtensions()).isCA()).isTrue();
        assertThat(BasicConstraints.fromExtensions(intermediate.getExtensions()).getPathLenConstraint()).isZero();
        assertThat(KeyUsage.fromExtensions(root.getExtensions()).hasUsages(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .isTrue();
        assertThat(root.getNotAfter().toInstant()).isEqualTo(Instant.parse("2036-11-27T10:00:00Z"));
        assertThat(intermediate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2031-11-27T10:00:00Z"));
    }

    @Test
    void aCaFolderHoldsItsFilesWithSecretKeysAndLoadsBack() throws Exception {
        CaDirectory folder = new CaDirectory(dir.resolve("ca"));
        CaMaterial ca = new Hierarchy(new SecureRandom(), CLOCK).create("Example Root CA", KeyType.EC_P256);
        char[] passphrase = "correct horse".toCharArray();

        folder.create(ca, settings(true), passphrase, new SecureRandom());

        for (String file : CaDirectory.FILES) {
            assertThat(dir.resolve("ca").resolve(file)).isRegularFile();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca/root.key"))))
                .isEqualTo("rw-------");
        assertThat(PrivateKeys.isEncrypted(PemDocument.read(dir.resolve("ca/intermediate.key")))).isTrue();
        assertThat(PemDocument.read(folder.chain()).certificates()).containsExactly(ca.intermediate(), ca.root());
        assertThat(folder.loadIssuer(passphrase).certificate()).isEqualTo(ca.intermediate());
        assertThat(folder.settings()).isEqualTo(settings(true));
        assertThatThrownBy(() -> folder.loadIssuer("wrong horse".toCharArray()))
                .isInstanceOf(CachetException.class).hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> folder.create(ca, settings(true), passphrase, new SecureRandom()))
                .isInstanceOf(CachetException.class).hasMessageContaining("already holds a CA");
    }

    @Test
    void aFolderWithoutACaSaysHowToMakeOne() {
        assertThatThrownBy(() -> new CaDirectory(dir).loadIssuer(null)).isInstanceOf(CachetException.class)
                .hasMessageContaining("no CA here (create one with 'cachet ca init");
    }

    private static CaSettings settings(boolean encrypted) {
        return new CaSettings(1, "Example Root CA", "ec-p256", encrypted, "2026-11-27T10:00:00Z", "AB", "tls-server",
                null);
    }
}
