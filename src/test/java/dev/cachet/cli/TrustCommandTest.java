package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.PrivateKeys;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.PkiFixtures;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet trust} refuses a root it must not install, before it touches any store. */
class TrustCommandTest {
    @TempDir
    Path dir;

    @Test
    void aServerCertificateIsNotARoot() {
        KeyPair key = CertificateBuilder.ecKey();
        Path leaf = PkiFixtures.write(dir, "leaf.pem", PkiFixtures.pem(CertificateBuilder.certificate("site.test", key)
                .tlsServer().build()));
        assertRefused(install(leaf), "leaf.pem: CN=site.test is not a CA certificate (no basicConstraints cA=TRUE)");
    }

    @Test
    void aFileWithAPrivateKeyIsRefused() {
        KeyPair key = CertificateBuilder.ecKey();
        X509CertificateHolder root = CertificateBuilder.certificate("Root CA", key).ca(-1).build();
        Path both = PkiFixtures.write(dir, "root-and-key.pem", PkiFixtures.pem(root)
                + PrivateKeys.toPem(key.getPrivate(), null, new SecureRandom()));
        CliRunner.Result result = install(both);
        assertRefused(result, "root-and-key.pem: holds a private key (CERTIFICATE, PRIVATE KEY)");
        assertThat(result.err()).doesNotContain("PRIVATE KEY-----");
    }

    @Test
    void aChainIsNotOneRoot() {
        KeyPair key = CertificateBuilder.ecKey();
        X509CertificateHolder root = CertificateBuilder.certificate("Root CA", key).ca(-1).build();
        X509CertificateHolder sub = CertificateBuilder.certificate("Sub CA", CertificateBuilder.ecKey()).ca(0)
                .issuedBy(root, key).build();
        assertRefused(install(PkiFixtures.write(dir, "chain.pem", PkiFixtures.pem(sub, root))),
                "chain.pem: holds 2 certificates; give the root certificate alone");
    }

    @Test
    void aFileThatIsNotPemIsRefused() {
        assertRefused(install(PkiFixtures.write(dir, "root.der", new byte[] {0x30, (byte) 0x82, 0x01})),
                "root.der: not PEM");
    }

    @Test
    void theRootIsRequired() {
        assertUsageError(CliRunner.run("trust", "status", "--nss"), "cachet trust status",
                "Missing required option: '--root=FILE'");
    }

    private CliRunner.Result install(Path root) {
        // A store no test may change: it must never be reached.
        return CliRunner.run("trust", "install", "--root", root.toString(), "--nss-db",
                dir.resolve("never-created").toString());
    }

    private void assertRefused(CliRunner.Result result, String message) {
        assertBadInput(result, message);
        assertThat(dir.resolve("never-created")).doesNotExist();
    }
}
