package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertNothingWritten;
import static dev.cachet.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCreateBadInputTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownKeyTypeIsAUsageError() {
        Path key = dir.resolve("key.pem");

        CliRunner.Result result = CliRunner.run("key", "create", "--type", "rsa-1024", "--out", key.toString());

        assertUsageError(result, "cachet key create", "unknown key type 'rsa-1024'");
        assertThat(result.err()).contains("rsa-2048");
        assertNothingWritten(dir, key);
    }

    @Test
    void anExistingFileIsLeftUnchanged() {
        Workspace workspace = new Workspace(dir);
        Path key = workspace.write("key.pem", "precious\n");

        CliRunner.Result result = CliRunner.run("key", "create", "--out", key.toString());

        assertBadInput(result, key + ": already exists; not overwritten");
        assertThat(key).hasContent("precious");
        assertNothingWritten(dir);
    }

    @Test
    void aShortPassphraseIsRefusedBeforeAnyKeyIsWritten() {
        Workspace workspace = new Workspace(dir);
        Path passphrase = workspace.write("pass.txt", "short\n");
        Path key = dir.resolve("key.pem");

        CliRunner.Result result = CliRunner.run("key", "create", "--out", key.toString(),
                "--passphrase-file", passphrase.toString());

        assertBadInput(result, "passphrase too short");
        assertNothingWritten(dir, key);
    }

    @Test
    void aMissingFolderIsNamed() {
        Path key = dir.resolve("missing").resolve("key.pem");

        CliRunner.Result result = CliRunner.run("key", "create", "--out", key.toString());

        assertBadInput(result, "does not exist");
        assertNothingWritten(dir, key);
    }
}
