package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.Identifier;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.crypto.PublicKeys;
import dev.cachet.csr.CsrParser;
import dev.cachet.csr.ParsedCsr;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsrCreateCommandTest {
    @TempDir
    Path dir;

    @Test
    void createsAKeyAndASignedRequestWithTheCommonNameAmongTheNames() throws IOException {
        Path key = dir.resolve("key.pem");
        Path csr = dir.resolve("cert.csr");

        CliRunner.Result result = CliRunner.run("csr", "create", "--subject", "CN=example.org,O=Example,C=BE",
                "--san", "www.example.org", "--san", "ip:192.0.2.1", "--new-key", "ec-p384",
                "--key-out", key.toString(), "--out", csr.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("Wrote CSR to " + csr + "\n"
                + "  subject: CN=example.org,O=Example,C=BE\n"
                + "  names:   [dns:example.org, dns:www.example.org, ip:192.0.2.1]\n"
                + "  key:     " + key + " (ec-p384, mode 0600)\n");
        ParsedCsr parsed = CsrParser.parseVerified(PemDocument.read(csr).csr());
        assertThat(parsed.names()).containsExactly(Identifiers.dns("example.org"),
                Identifiers.dns("www.example.org"), new Identifier(Identifier.Type.IP, "192.0.2.1"));
        PrivateKey privateKey = PrivateKeys.read(PemDocument.read(key));
        assertThat(PublicKeyInfo.of(parsed.publicKey()).sha256())
                .isEqualTo(PublicKeyInfo.of(PublicKeys.derive(privateKey)).sha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(csr)).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n");
    }

    @Test
    void signsWithAnExistingEncryptedKey() {
        Workspace workspace = new Workspace(dir);
        Path passphrase = workspace.passphraseFile("pass.txt");
        Path key = workspace.path("key.pem");
        CliRunner.runOk("key", "create", "--out", key.toString(), "--passphrase-file", passphrase.toString());
        Path csr = dir.resolve("cert.csr");

        CliRunner.Result result = CliRunner.run("csr", "create", "--san", "email:admin@example.org",
                "--key", key.toString(), "--passphrase-file", passphrase.toString(), "--out", csr.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Wrote CSR to " + csr + "\n")
                .contains("  names:   [email:admin@example.org]\n").doesNotContain("key:");
        ParsedCsr parsed = CsrParser.parseVerified(PemDocument.read(csr).csr());
        assertThat(parsed.names()).containsExactly(Identifiers.email("admin@example.org"));
        assertThat(parsed.commonName()).isEmpty();
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }
}
