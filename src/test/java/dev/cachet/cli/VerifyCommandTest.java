package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.Profiles;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.TestCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    /** The command verifies at the real time unless told otherwise, so the CA is made now. */
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, Clock.systemUTC());
    private static final X509CertificateHolder SERVER = issue("tls-server", "example.org", "www.example.org");

    @TempDir
    static Path dir;
    private static String root;
    private static String intermediate;
    private static String leaf;

    @BeforeAll
    static void writeFiles() throws IOException {
        root = write("root.pem", CA.material().root());
        intermediate = write("intermediate.pem", CA.material().intermediate());
        leaf = write("cert.pem", SERVER);
    }

    @Test
    void aTrustedChainPrintsOneOkLine() {
        CliRunner.Result result = CliRunner.run("verify", "--trust", root, "--chain", intermediate, leaf);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).isEqualTo(leaf + ": OK (CN=example.org, chain: example.org <- Test Intermediate CA"
                + " <- Test Root CA; valid until " + LocalDate.ofInstant(SERVER.getNotAfter().toInstant(),
                        ZoneOffset.UTC) + ")\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aFullChainFileMatchesAHost() throws IOException {
        String fullchain = write("fullchain.pem", SERVER, CA.material().intermediate());

        CliRunner.Result result = CliRunner.run("verify", "--trust", root, "--host", "www.example.org", fullchain);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertOneLine(result.out());
        assertThat(result.out()).startsWith(fullchain + ": OK (CN=example.org, chain: ")
                .endsWith("; host www.example.org matches)\n");
    }

    @Test
    void aSelfSignedCertificateIsNotVerified() throws IOException {
        String self = write("self.pem", CertificateBuilder.certificate("self.example", newKey()).tlsServer().build());

        assertNotVerified(CliRunner.run("verify", "--trust", root, self),
                self + ": self-signed certificate, not trusted (CN=self.example)");
    }

    @Test
    void aMissingIntermediateLeavesTheIssuerUnknown() {
        assertNotVerified(CliRunner.run("verify", "--trust", root, leaf), leaf + ": unknown issuer "
                + "CN=Test Intermediate CA, neither a trust anchor nor in the chain (CN=example.org)");
    }

    @Test
    void aCertificateOfAnotherCaIsNotVerified() throws IOException {
        TestCa other = TestCa.create(KeyType.EC_P256, Clock.systemUTC());
        String otherRoot = write("other-root.pem", other.material().root());

        assertNotVerified(CliRunner.run("verify", "--trust", otherRoot, "--chain", intermediate, leaf),
                leaf + ": unknown issuer: a certificate named CN=Test Root CA was given, but with another key "
                        + "(CN=Test Intermediate CA)");
    }

    @Test
    void aCertificateVerifiedAfterItsEndHasExpired() {
        assertNotVerified(CliRunner.run("verify", "--trust", root, "--chain", intermediate, "--at", "2099-01-01",
                leaf), leaf + ": certificate expired on " + SERVER.getNotAfter().toInstant() + " (CN=example.org)");
    }

    @Test
    void anotherHostDoesNotMatch() {
        assertNotVerified(CliRunner.run("verify", "--trust", root, "--chain", intermediate, "--host", "192.0.2.1",
                leaf), leaf + ": host name does not match: 192.0.2.1 is not covered; the certificate names "
                        + "example.org, www.example.org (CN=example.org)");
    }

    @Test
    void aClientCertificateIsNotATlsServer() throws IOException {
        String client = write("client.pem", issue("tls-client", "client.example"));

        assertNotVerified(CliRunner.run("verify", "--trust", root, "--chain", intermediate, "--purpose",
                "tls-server", client), client + ": wrong key usage: extended key usage clientAuth lacks serverAuth, "
                        + "needed for tls-server (CN=client.example)");
    }

    @Test
    void aTamperedSignatureIsNotVerified() throws IOException {
        byte[] der = SERVER.getEncoded();
        der[der.length - 1] ^= 0x01;
        String tampered = write("tampered.pem", new X509CertificateHolder(der));

        assertNotVerified(CliRunner.run("verify", "--trust", root, "--chain", intermediate, tampered),
                tampered + ": bad signature: not signed by the key of its issuer CN=Test Intermediate CA "
                        + "(CN=example.org)");
    }

    @Test
    void unreadableInputsFailWithOneLine() throws IOException {
        Path der = dir.resolve("cert.der");
        Files.write(der, SERVER.getEncoded());
        Path key = dir.resolve("key.pem");
        Files.writeString(key, PemWriter.encode("PRIVATE KEY", newKey().getPrivate().getEncoded()));
        String missing = dir.resolve("missing.pem").toString();

        assertFailure(CliRunner.run("verify", "--trust", root, missing), missing + ": no such file");
        assertFailure(CliRunner.run("verify", "--trust", root, der.toString()),
                der + ": not PEM (binary data, probably DER); expected text starting with -----BEGIN");
        assertFailure(CliRunner.run("verify", "--trust", key.toString(), leaf), key
                + ": no certificate found (expected -----BEGIN CERTIFICATE-----, found PRIVATE KEY)");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertUsageError(CliRunner.run("verify", "--trust", root, "--at", "next tuesday", leaf),
                "cachet verify: Invalid value for option '--at': 'next tuesday' is not a time; expected "
                        + "2030-01-01T00:00:00Z or 2030-01-01");
        assertUsageError(CliRunner.run("verify", "--trust", root, "--purpose", "email", leaf),
                "cachet verify: Invalid value for option '--purpose': unknown purpose 'email' (choose one of: "
                        + "tls-server, tls-client, any)");
        assertUsageError(CliRunner.run("verify", "--trust", root, "--host", "*.example.org", leaf),
                "cachet verify: Invalid value for option '--host': '*.example.org' is a wildcard; give the host "
                        + "name to check");
        assertUsageError(CliRunner.run("verify", leaf), "cachet verify: Missing required option: '--trust=FILE'");
    }

    @Test
    void aDateMeansMidnightUtc() {
        CliRunner.Result result = CliRunner.run("verify", "--trust", root, "--chain", intermediate, "--at",
                LocalDate.ofInstant(SERVER.getNotBefore().toInstant(), ZoneOffset.UTC).toString(), leaf);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(result.err()).contains(": certificate not yet valid: valid from ");
    }

    private static void assertNotVerified(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(result.err()).isEqualTo("cachet: " + message + "\n");
        assertThat(result.out()).isEmpty();
        assertNoStackTrace(result);
    }

    private static void assertFailure(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("cachet: " + message + "\n");
        assertThat(result.out()).isEmpty();
        assertNoStackTrace(result);
    }

    /** A usage error is one line that ends with a pointer to the help. */
    private static void assertUsageError(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo(message + " (see 'cachet verify --help')\n");
        assertNoStackTrace(result);
    }

    private static void assertOneLine(String text) {
        assertThat(text).endsWith("\n");
        assertThat(text.lines()).hasSize(1);
    }

    private static void assertNoStackTrace(CliRunner.Result result) {
        assertThat(result.out() + result.err()).doesNotContain("\tat ", "Exception");
    }

    private static X509CertificateHolder issue(String profile, String... names) {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(newKey().getPublic().getEncoded());
        return CA.issue(Clock.systemUTC(), new IssuanceRequest(key, Arrays.stream(names)
                .map(Identifiers::parse).toList(), Optional.of(names[0]), Profiles.require(profile),
                OptionalInt.empty())).certificate();
    }

    private static java.security.KeyPair newKey() {
        return new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
    }

    private static String write(String name, X509CertificateHolder... certificates) throws IOException {
        List<byte[]> ders = new ArrayList<>();
        for (X509CertificateHolder certificate : certificates) {
            ders.add(certificate.getEncoded());
        }
        Path file = dir.resolve(name);
        Files.writeString(file, PemWriter.certificates(ders), StandardCharsets.US_ASCII);
        return file.toString();
    }
}
