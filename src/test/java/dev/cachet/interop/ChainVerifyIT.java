package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.Profile;
import dev.cachet.ca.Profiles;
import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Processes;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code openssl verify} accepts the chain root, intermediate, leaf that Cachet issues. */
class ChainVerifyIT {
    /**
     * The CA key types to check. Ed25519 is included: OpenSSL verifies Ed25519 certificate
     * signatures (RFC 8410) since 1.1.1.
     */
    private static final List<String> CA_KEY_TYPES = List.of("ec-p256", "ec-p384", "rsa-2048", "ed25519");

    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void setUp() {
        OpenSsl.require();
        workspace = new Workspace(dir);
    }

    static Stream<Arguments> everyProfileUnderEveryCaKeyType() {
        return CA_KEY_TYPES.stream().flatMap(keyType -> Profiles.all().stream()
                .map(profile -> Arguments.of(keyType, profile.name())));
    }

    @ParameterizedTest(name = "{0} CA, {1}")
    @MethodSource("everyProfileUnderEveryCaKeyType")
    void opensslAcceptsTheLeafForItsPurpose(String caKeyType, String profileName) {
        Profile profile = Profiles.require(profileName);
        workspace.initCa("ca", caKeyType);
        workspace.newCsr("leaf", "ec-p256", "--subject", "CN=host.example.org", "--san", "www.example.org");
        // With the revocation URLs the server writes, which publicly trusted profiles require (BR 7.1.2.7.7).
        workspace.sign(dir.resolve("ca"), dir.resolve("leaf.csr"), "leaf.pem", "--profile", profileName,
                "--base-url", "http://ca.example.org");

        String output = OpenSsl.runOk(dir, verify(profile.isServer() ? "sslserver" : "sslclient"));

        assertThat(output).isEqualTo("leaf.pem: OK\n");
    }

    @Test
    void opensslRefusesAClientCertificateForAServer() {
        workspace.initCa("ca", "ec-p256");
        workspace.newCsr("leaf", "ec-p256", "--subject", "CN=host.example.org");
        workspace.sign(dir.resolve("ca"), dir.resolve("leaf.csr"), "leaf.pem", "--profile", "tls-client");

        Processes.Result result = OpenSsl.run(dir, verify("sslserver"));

        assertThat(result.exitCode()).isNotZero();
        // X509_V_ERR_INVALID_PURPOSE: "unsuitable" since OpenSSL 3.0, "unsupported" before.
        assertThat(result.output()).containsPattern("error 26 at 0 depth lookup: (unsuitable|unsupported) "
                + "certificate purpose");
    }

    @Test
    void opensslRefusesALeafOfAnotherCa() {
        workspace.initCa("ca", "ec-p256");
        Path other = workspace.initCa("other", "ec-p256");
        workspace.newCsr("leaf", "ec-p256", "--subject", "CN=host.example.org");
        workspace.sign(other, dir.resolve("leaf.csr"), "leaf.pem");

        Processes.Result result = OpenSsl.run(dir, verify("sslserver"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("unable to get local issuer certificate");
    }

    private static String[] verify(String purpose) {
        return new String[] {"verify", "-CAfile", "ca/root.pem", "-untrusted", "ca/intermediate.pem",
            "-purpose", purpose, "leaf.pem"};
    }
}
