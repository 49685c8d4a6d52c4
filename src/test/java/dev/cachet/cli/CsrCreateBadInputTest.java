package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertNothingWritten;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.BadInputs;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsrCreateBadInputTest {
    @TempDir
    Path dir;

    private Workspace workspace;
    private Path csr;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
        csr = workspace.path("cert.csr");
    }

    @Test
    void aKeyWithCorruptBase64IsRefused() {
        Path key = workspace.write("key.pem", BadInputs.corruptBase64(validKey()));

        assertRefused(key, key + ": corrupt PEM");
    }

    @Test
    void aTruncatedKeyIsRefused() {
        Path key = workspace.write("key.pem", BadInputs.truncate(validKey()));

        assertRefused(key, key + ": corrupt PEM (-----END PRIVATE KEY----- not found)");
    }

    @Test
    void aDerKeyIsRefusedAsNotPem() {
        Path key = workspace.write("key.der", BadInputs.der(validKey()));

        assertRefused(key, key + ": not PEM (binary data, probably DER)");
    }

    @Test
    void aWrongPassphraseIsRefused() {
        Path passphrase = workspace.passphraseFile("pass.txt");
        Path key = workspace.path("key.pem");
        CliRunner.runOk("key", "create", "--out", key.toString(), "--passphrase-file", passphrase.toString());
        Path wrong = workspace.write("wrong.txt", "not the passphrase\n");

        CliRunner.Result result = CliRunner.run("csr", "create", "--san", "example.org", "--key", key.toString(),
                "--passphrase-file", wrong.toString(), "--out", csr.toString());

        assertBadInput(result, key + ": cannot decrypt the private key (wrong passphrase?)");
        assertNothingWritten(dir, csr);
    }

    @Test
    void anEncryptedKeyWithoutPassphraseIsRefused() {
        Path passphrase = workspace.passphraseFile("pass.txt");
        Path key = workspace.path("key.pem");
        CliRunner.runOk("key", "create", "--out", key.toString(), "--passphrase-file", passphrase.toString());

        assertRefused(key, key + ": the private key is encrypted; give its passphrase (--passphrase-file)");
    }

    @Test
    void anRsa1024KeyIsRefused() {
        Path key = workspace.write("rsa1024.pem", BadInputs.privateKeyPem(BadInputs.rsa1024()));

        assertRefused(key, "key refused (RSA 1024): RSA keys need at least 2048 bits");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exa mple.org  | invalid name 'exa mple.org'",
        "*.*.org       | a wildcard may only be the whole leftmost label",
        "ip:999.1.1.1  | invalid name '999.1.1.1': not an IPv4 or IPv6 address",
        "email:no-at   | not an e-mail address"})
    void anInvalidSubjectAltNameIsRefusedBeforeAKeyIsMade(String san, String message) {
        Path key = workspace.path("key.pem");

        CliRunner.Result result = CliRunner.run("csr", "create", "--san", san, "--new-key", "ec-p256",
                "--key-out", key.toString(), "--out", csr.toString());

        assertBadInput(result, message);
        assertNothingWritten(dir, key, csr);
    }

    @Test
    void anExistingRequestIsLeftUnchanged() {
        workspace.write("cert.csr", "precious\n");
        Path key = workspace.path("key.pem");

        CliRunner.Result result = CliRunner.run("csr", "create", "--san", "example.org", "--new-key", "ec-p256",
                "--key-out", key.toString(), "--out", csr.toString());

        assertBadInput(result, csr + ": already exists; not overwritten");
        assertThat(csr).hasContent("precious");
        assertNothingWritten(dir, key);
    }

    @Test
    void anExistingKeyOutputIsLeftUnchanged() {
        Path key = workspace.write("key.pem", "precious\n");

        CliRunner.Result result = CliRunner.run("csr", "create", "--san", "example.org", "--new-key", "ec-p256",
                "--key-out", key.toString(), "--out", csr.toString());

        assertBadInput(result, key + ": already exists; not overwritten");
        assertThat(key).hasContent("precious");
        assertNothingWritten(dir, csr);
    }

    @Test
    void oneFileForKeyAndRequestIsRefused() {
        CliRunner.Result result = CliRunner.run("csr", "create", "--san", "example.org", "--new-key", "ec-p256",
                "--key-out", csr.toString(), "--out", csr.toString());

        assertBadInput(result, csr + ": given for two outputs; choose a different file for each");
        assertNothingWritten(dir, csr);
    }

    @Test
    void aShortPassphraseForTheNewKeyIsRefused() {
        Path passphrase = workspace.write("pass.txt", "short\n");
        Path key = workspace.path("key.pem");

        CliRunner.Result result = CliRunner.run("csr", "create", "--san", "example.org", "--new-key", "ec-p256",
                "--key-out", key.toString(), "--passphrase-file", passphrase.toString(), "--out", csr.toString());

        assertBadInput(result, passphrase + ": passphrase too short (at least 8 characters)");
        assertNothingWritten(dir, key, csr);
    }

    private String validKey() {
        CliRunner.runOk("key", "create", "--out", workspace.path("valid.pem").toString());
        return workspace.read("valid.pem");
    }

    private void assertRefused(Path key, String message) {
        CliRunner.Result result = CliRunner.run("csr", "create", "--subject", "CN=example.org",
                "--key", key.toString(), "--out", csr.toString());

        assertBadInput(result, message);
        assertNothingWritten(dir, csr);
    }
}
