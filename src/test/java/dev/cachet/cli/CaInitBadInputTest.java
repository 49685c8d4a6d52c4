package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertNothingWritten;
import static dev.cachet.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.CaDirectory;
import dev.cachet.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaInitBadInputTest {
    @TempDir
    Path dir;

    @Test
    void anExistingCaIsLeftUnchanged() throws IOException {
        Path ca = new Workspace(dir).initCa("ca", "ec-p256");
        Map<String, byte[]> before = contents(ca);

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString(), "--no-passphrase");

        assertBadInput(result, ca + ": already holds a CA; not overwritten");
        Map<String, byte[]> after = contents(ca);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
        assertNothingWritten(dir);
    }

    @Test
    void aFolderWithOnlySomeCaFilesIsNotOverwritten() {
        Path rootKey = new Workspace(dir).write("root.key", "left over from an earlier CA\n");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", dir.toString(), "--no-passphrase");

        assertBadInput(result, dir + ": already holds a CA; not overwritten");
        assertThat(rootKey).hasContent("left over from an earlier CA");
        assertNothingWritten(dir, dir.resolve("root.pem"), dir.resolve("intermediate.key"), dir.resolve("ca.json"));
    }

    @Test
    void aFileInPlaceOfTheFolderIsLeftUnchanged() {
        Path file = new Workspace(dir).write("ca", "not a folder\n");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", file.toString(), "--no-passphrase");

        assertBadInput(result, file + ": exists and is not a folder");
        assertThat(file).hasContent("not a folder");
        assertNothingWritten(dir);
    }

    @Test
    void anUnknownKeyTypeIsAUsageError() {
        Path ca = dir.resolve("ca");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString(), "--key-type", "rsa-1024");

        assertUsageError(result, "cachet ca init", "unknown key type 'rsa-1024'");
        assertNothingWritten(dir, ca);
    }

    @Test
    void aShortPassphraseIsRefusedBeforeTheFolderIsMade() {
        Path passphrase = new Workspace(dir).write("pass.txt", "short\n");
        Path ca = dir.resolve("ca");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString(),
                "--passphrase-file", passphrase.toString());

        assertBadInput(result, "passphrase too short");
        assertNothingWritten(dir, ca);
    }

    @Test
    void withoutAPassphraseSourceTheKeysAreNotWrittenUnencrypted() {
        Path ca = dir.resolve("ca");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString());

        assertBadInput(result, "no passphrase for the CA keys: give --passphrase-file FILE or set"
                + " CACHET_CA_PASSPHRASE (--no-passphrase leaves them unencrypted: insecure)");
        assertNothingWritten(dir, ca);
    }

    @Test
    void noPassphraseAndAPassphraseFileContradictEachOther() {
        Path passphrase = new Workspace(dir).passphraseFile("pass.txt");
        Path ca = dir.resolve("ca");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString(), "--no-passphrase",
                "--passphrase-file", passphrase.toString());

        assertUsageError(result, "cachet ca init", "--no-passphrase cannot be combined with --passphrase-file");
        assertNothingWritten(dir, ca);
    }

    @Test
    void aMissingPkcs11ConfigurationIsNamed() {
        Path pin = new Workspace(dir).write("pin.txt", "1234\n");
        Path ca = dir.resolve("ca");
        Path config = dir.resolve("missing.cfg");

        CliRunner.Result result = CliRunner.run("ca", "init", "--dir", ca.toString(), "--pkcs11", config.toString(),
                "--passphrase-file", pin.toString());

        assertBadInput(result, config + ": no such PKCS#11 configuration file");
        assertNothingWritten(dir, ca);
    }

    private static Map<String, byte[]> contents(Path ca) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (var files = Files.list(ca)) {
            for (Path file : files.sorted().toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        assertThat(contents.keySet()).containsAll(CaDirectory.FILES);
        return contents;
    }
}
