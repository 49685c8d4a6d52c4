package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertNothingWritten;

import dev.cachet.testing.BadInputs;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ca sign} with a CSR file that is broken or asks for what must not be certified. */
class CaSignCsrInputTest {
    @TempDir
    static Path caHome;
    private static Path ca;

    @TempDir
    Path dir;

    private Workspace workspace;
    private Path out;

    @BeforeAll
    static void createCa() {
        ca = new Workspace(caHome).initCa("ca", "ec-p256");
    }

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
        out = workspace.path("cert.pem");
    }

    @Test
    void aCsrWithCorruptBase64IsRefused() {
        Path csr = workspace.write("bad.csr", BadInputs.corruptBase64(validCsr()));

        assertRefused(csr, csr + ": corrupt PEM");
    }

    @Test
    void aTruncatedCsrIsRefused() {
        Path csr = workspace.write("bad.csr", BadInputs.truncate(validCsr()));

        assertRefused(csr, csr + ": corrupt PEM (-----END CERTIFICATE REQUEST----- not found)");
    }

    @Test
    void aDerCsrIsRefusedAsNotPem() {
        Path csr = workspace.write("cert.der", BadInputs.der(validCsr()));

        assertRefused(csr, csr + ": not PEM (binary data, probably DER)");
    }

    @Test
    void aPemWhoseContentIsNotACsrIsRefused() {
        String pem = validCsr();
        List<String> lines = pem.lines().toList();
        String zeros = "A".repeat(lines.get(2).length());
        Path csr = workspace.write("bad.csr", pem.replace(lines.get(2), zeros));

        assertRefused(csr, csr + ": corrupt PEM (the content does not decode: ");
    }

    @Test
    void aCsrWithABrokenSignatureIsRefused() {
        Path csr = workspace.write("bad.csr", BadInputs.withBrokenSignature(validCsr()));

        assertRefused(csr, "the CSR's signature does not verify with its own key");
    }

    @Test
    void aCsrForAnRsa1024KeyIsRefused() {
        Path csr = workspace.write("weak.csr", BadInputs.csrPem(BadInputs.rsa1024(), "example.org"));

        assertRefused(csr, "key refused (RSA 1024): RSA keys need at least 2048 bits");
    }

    @Test
    void aKeyFileInsteadOfACsrIsRefused() {
        Path key = workspace.path("key.pem");
        CliRunner.runOk("key", "create", "--out", key.toString());

        assertRefused(key, key + ": expected one certificate signing request");
    }

    @Test
    void aMissingCsrFileIsNamed() {
        Path csr = workspace.path("missing.csr");

        assertRefused(csr, csr + ": no such file");
    }

    private String validCsr() {
        workspace.newCsr("valid", "ec-p256", "--subject", "CN=example.org");
        return workspace.read("valid.csr");
    }

    private void assertRefused(Path csr, String message) {
        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(),
                "--out", out.toString());

        assertBadInput(result, message);
        assertNothingWritten(dir, out);
        assertNothingWritten(ca);
    }
}
