package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.KeyType;
import dev.cachet.testing.BadInputs;
import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Processes;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code openssl req} reads and verifies the CSRs that {@code cachet csr create} writes. */
class CsrVerifyIT {
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
    void opensslVerifiesTheSignatureAndShowsTheNames(KeyType keyType) {
        workspace.newCsr("cert", keyType.id(), "--subject", "CN=host.example.org,O=Example", "--san",
                "www.example.org", "--san", "ip:192.0.2.1", "--san", "ip:2001:db8::1", "--san",
                "email:admin@example.org");

        String verified = OpenSsl.runOk(dir, "req", "-verify", "-in", "cert.csr", "-noout");
        String text = OpenSsl.runOk(dir, "req", "-text", "-noout", "-in", "cert.csr");

        assertThat(verified).contains("verify OK").doesNotContain("failure");
        // RFC 4514 writes the most specific RDN first; openssl prints them in DER order.
        assertThat(text).contains("Subject: O = Example, CN = host.example.org").contains(publicKeyText(keyType));
        assertThat(OpenSsl.extension(text, "X509v3 Subject Alternative Name"))
                .isEqualTo("DNS:host.example.org, DNS:www.example.org, IP Address:192.0.2.1, "
                        + "IP Address:2001:DB8:0:0:0:0:0:1, email:admin@example.org");
    }

    @Test
    void opensslRefusesACsrWithABrokenSignature() {
        workspace.newCsr("cert", "ec-p256", "--subject", "CN=host.example.org");
        workspace.write("broken.csr", BadInputs.withBrokenSignature(workspace.read("cert.csr")));

        Processes.Result result = OpenSsl.run(dir, "req", "-verify", "-in", "broken.csr", "-noout");

        // OpenSSL 3.0 exits with 0 even when the self-signature fails: the message is what tells.
        assertThat(result.output()).contains("verify failure").doesNotContain("verify OK");
    }

    private static String publicKeyText(KeyType keyType) {
        switch (keyType) {
            case EC_P256:
                return "NIST CURVE: P-256";
            case EC_P384:
                return "NIST CURVE: P-384";
            case ED25519:
                return "Public Key Algorithm: ED25519";
            default:
                return "Public-Key: (" + keyType.id().substring("rsa-".length()) + " bit)";
        }
    }
}
