package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code openssl x509 -text} shows the extensions a subscriber certificate must carry. */
class CertificateTextIT {
    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void setUp() {
        OpenSsl.require();
        workspace = new Workspace(dir);
    }

    @ParameterizedTest(name = "{1} key, {0}")
    @CsvSource(delimiter = '|', value = {
        "tls-server | ec-p256  | Digital Signature                   | TLS Web Server Authentication",
        "tls-server | ec-p384  | Digital Signature                   | TLS Web Server Authentication",
        "tls-server | ed25519  | Digital Signature                   | TLS Web Server Authentication",
        "tls-server | rsa-2048 | Digital Signature, Key Encipherment | TLS Web Server Authentication",
        "tls-client | rsa-2048 | Digital Signature                   | TLS Web Client Authentication"})
    void showsTheNamesAndUsages(String profile, String keyType, String keyUsage, String extendedKeyUsage) {
        Path ca = workspace.initCa("ca", "ec-p256");
        Path csr = workspace.newCsr("host", keyType, "--subject", "CN=host.example.org", "--san", "www.example.org",
                "--san", "ip:192.0.2.1");
        workspace.sign(ca, csr, "cert.pem", "--profile", profile);

        String text = OpenSsl.runOk(dir, "x509", "-in", "cert.pem", "-noout", "-text");

        assertThat(text).contains("Subject: CN = host.example.org").contains("Issuer: CN = Cachet Intermediate CA")
                .contains("X509v3 Basic Constraints: critical").contains("X509v3 Key Usage: critical");
        assertThat(OpenSsl.extension(text, "X509v3 Subject Alternative Name"))
                .isEqualTo("DNS:host.example.org, DNS:www.example.org, IP Address:192.0.2.1");
        assertThat(OpenSsl.extension(text, "X509v3 Basic Constraints")).isEqualTo("CA:FALSE");
        assertThat(OpenSsl.extension(text, "X509v3 Key Usage")).isEqualTo(keyUsage);
        assertThat(OpenSsl.extension(text, "X509v3 Extended Key Usage")).isEqualTo(extendedKeyUsage);
    }
}
