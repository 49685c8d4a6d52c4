package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertNothingWritten;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.PemDocument;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ca sign} with a CA whose keys are encrypted. */
class CaSignPassphraseTest {
    @TempDir
    static Path caHome;
    private static Path ca;
    private static Path csr;
    private static Path passphrase;

    @TempDir
    Path dir;

    @BeforeAll
    static void createEncryptedCa() {
        Workspace home = new Workspace(caHome);
        passphrase = home.passphraseFile("pass.txt");
        ca = home.initCa("ca", "ec-p256", "--passphrase-file", passphrase.toString());
        csr = home.newCsr("host", "ec-p256", "--subject", "CN=example.org");
    }

    @Test
    void signsWithTheRightPassphrase() {
        Path out = dir.resolve("cert.pem");

        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(),
                "--out", out.toString(), "--passphrase-file", passphrase.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(PemDocument.read(out).certificate().getIssuer())
                .isEqualTo(PemDocument.read(ca.resolve("intermediate.pem")).certificate().getSubject());
    }

    @Test
    void aWrongPassphraseIsRefused() {
        Path wrong = new Workspace(dir).write("wrong.txt", "not the passphrase\n");
        Path out = dir.resolve("cert.pem");

        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(),
                "--out", out.toString(), "--passphrase-file", wrong.toString());

        assertBadInput(result, ca.resolve("intermediate.key") + ": cannot decrypt the private key (wrong passphrase?)");
        assertNothingWritten(dir, out);
    }

    @Test
    void aMissingPassphraseIsAskedFor() {
        Path out = dir.resolve("cert.pem");

        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(),
                "--out", out.toString());

        assertBadInput(result, ca + ": the CA keys are encrypted; give their passphrase (--passphrase-file or"
                + " CACHET_CA_PASSPHRASE)");
        assertNothingWritten(dir, out);
    }
}
