package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.cli.CliRunner;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Processes;
import dev.cachet.testing.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code openssl pkey} reads the keys {@code cachet key create} writes, plain and encrypted. */
class KeyFileIT {
    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void setUp() {
        OpenSsl.require();
        workspace = new Workspace(dir);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslReadsThePlainKeyAndDerivesTheSamePublicKey(KeyType type) throws IOException {
        Path key = workspace.path("key.pem");
        CliRunner.Result created = CliRunner.runOk("key", "create", "--type", type.id(), "--out", key.toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(OpenSsl.runOk(dir, "pkey", "-in", "key.pem", "-noout")).isEmpty();
        String publicKey = OpenSsl.runOk(dir, "pkey", "-in", "key.pem", "-pubout");
        Object spki = PemDocument.parse(publicKey.getBytes(StandardCharsets.US_ASCII), "openssl").objects().get(0);
        assertThat(created.out()).contains("public key SHA-256 "
                + PublicKeyInfo.of((SubjectPublicKeyInfo) spki).sha256() + "\n");
    }

    @Test
    void opensslDecryptsTheEncryptedKeyWithItsPassphraseOnly() throws IOException {
        workspace.passphraseFile("pass.txt");
        workspace.write("wrong.txt", "not the passphrase\n");
        Path key = workspace.path("key.pem");
        CliRunner.runOk("key", "create", "--type", "ec-p256", "--out", key.toString(), "--passphrase-file",
                dir.resolve("pass.txt").toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(OpenSsl.runOk(dir, "asn1parse", "-in", "key.pem")).contains(":PBES2").contains(":PBKDF2")
                .contains(":hmacWithSHA256").contains(":aes-256-cbc");
        assertThat(OpenSsl.runOk(dir, "pkey", "-in", "key.pem", "-passin", "file:pass.txt", "-noout")).isEmpty();
        Processes.Result wrong = OpenSsl.run(dir, "pkey", "-in", "key.pem", "-passin", "file:wrong.txt", "-noout");
        assertThat(wrong.exitCode()).isNotZero();
        // A wrong passphrase usually fails AES-CBC's padding check ("bad decrypt"); about once in 256 keys
        // the padding happens to look right and the garbage then fails to decode ("unsupported").
        assertThat(wrong.output()).contains("Could not read key").containsAnyOf("bad decrypt", "unsupported");
    }
}
