package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.CaDirectory;
import dev.cachet.ca.CaSettings;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaInitCommandTest {
    @TempDir
    Path dir;

    @Test
    void createsARootAndAnIntermediateInANewFolder() throws Exception {
        Path ca = dir.resolve("ca");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString(), "--name", "Example Root",
                "--key-type", "ec-p384", "--no-passphrase");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(ca).isDirectory();
        for (String file : CaDirectory.FILES) {
            String mode = file.endsWith(".key") ? "rw-------" : "rw-r--r--";
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve(file))))
                    .as(file).isEqualTo(mode);
        }
        X509CertificateHolder root = PemDocument.read(ca.resolve("root.pem")).certificate();
        X509CertificateHolder intermediate = PemDocument.read(ca.resolve("intermediate.pem")).certificate();
        assertThat(intermediate.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .setProvider(Jca.provider()).build(root))).isTrue();
        List<X509CertificateHolder> chain = PemDocument.read(ca.resolve("chain.pem")).certificates();
        assertThat(chain).containsExactly(intermediate, root);
        CaSettings settings = new CaDirectory(ca).settings();
        assertThat(settings.keyType()).isEqualTo("ec-p384");
        assertThat(settings.keysEncrypted()).isFalse();
        assertThat(settings.defaultProfile()).isEqualTo("tls-server");
        String fingerprint = Fingerprints.sha256(root.getEncoded());
        assertThat(settings.rootSha256()).isEqualTo(fingerprint);
        assertThat(result.out().lines().toList()).containsExactly(
                "Created CA in " + ca,
                "  root:         CN=Example Root, until " + root.getNotAfter().toInstant(),
                "  intermediate: CN=Example Intermediate, until " + intermediate.getNotAfter().toInstant(),
                "  keys:         ec-p384, NOT encrypted, mode 0600",
                "  root SHA-256: " + fingerprint,
                "Next: cachet ca sign --dir " + ca + " --csr cert.csr --out cert.pem");
    }

    @Test
    void encryptsBothKeysWithThePassphrase() {
        Workspace workspace = new Workspace(dir);
        Path passphrase = workspace.passphraseFile("pass.txt");
        Path ca = dir.resolve("ca");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString(),
                "--passphrase-file", passphrase.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("  keys:         ec-p256, encrypted, mode 0600\n");
        assertThat(PrivateKeys.isEncrypted(PemDocument.read(ca.resolve("root.key")))).isTrue();
        assertThat(PrivateKeys.isEncrypted(PemDocument.read(ca.resolve("intermediate.key")))).isTrue();
        assertThat(new CaDirectory(ca).settings().keysEncrypted()).isTrue();
        assertThat(new CaDirectory(ca).loadIssuer(Workspace.PASSPHRASE.toCharArray()).certificate())
                .isEqualTo(PemDocument.read(ca.resolve("intermediate.pem")).certificate());
    }
}
