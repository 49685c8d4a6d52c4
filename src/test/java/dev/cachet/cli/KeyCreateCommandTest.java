package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.crypto.PublicKeys;
import dev.cachet.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCreateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAnUnencryptedEcKeyReadableOnlyByItsOwner() throws IOException {
        Path key = dir.resolve("key.pem");

        CliRunner.Result result = CliRunner.run("key", "create", "--out", key.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        PemDocument pem = PemDocument.read(key);
        assertThat(PrivateKeys.isEncrypted(pem)).isFalse();
        PrivateKey privateKey = PrivateKeys.read(pem);
        PublicKeyInfo info = PublicKeyInfo.of(PublicKeys.derive(privateKey));
        assertThat(info.describe()).isEqualTo("EC P-256");
        assertThat(result.out()).isEqualTo("Wrote ec-p256 private key to " + key + " (mode 0600, not encrypted)\n"
                + "public key SHA-256 " + info.sha256() + "\n");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void encryptsTheKeyWithThePassphrase() throws IOException {
        Workspace workspace = new Workspace(dir);
        Path passphrase = workspace.passphraseFile("pass.txt");
        Path key = dir.resolve("key.pem");

        CliRunner.Result result = CliRunner.run("key", "create", "--type", "ed25519", "--out", key.toString(),
                "--passphrase-file", passphrase.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Wrote ed25519 private key to " + key
                + " (mode 0600, encrypted with AES-256)\n");
        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        PrivateKey privateKey = PrivateKeys.read(PemDocument.read(key), Workspace.PASSPHRASE.toCharArray());
        assertThat(PublicKeyInfo.of(PublicKeys.derive(privateKey)).algorithm()).isEqualTo("Ed25519");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }
}
