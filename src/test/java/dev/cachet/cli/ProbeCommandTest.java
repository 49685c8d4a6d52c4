package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.PrivateKeys;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TlsTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet probe} against TLS servers on loopback: each verdict, and the servers that give none. */
class ProbeCommandTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    static Path dir;

    private static KeyPair rootKey;
    private static X509CertificateHolder root;
    private static KeyPair intermediateKey;
    private static X509CertificateHolder intermediate;
    private static Path rootFile;

    @BeforeAll
    static void pki() {
        rootKey = CertificateBuilder.ecKey();
        root = CertificateBuilder.certificate("Probe Root CA", rootKey).ca(-1)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))).build();
        intermediateKey = CertificateBuilder.ecKey();
        intermediate = CertificateBuilder.certificate("Probe Intermediate CA", intermediateKey).ca(0)
                .issuedBy(root, rootKey).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)))
                .build();
        rootFile = PkiFixtures.write(dir, "root.pem", PkiFixtures.pem(root));
    }

    @Test
    void aTrustedChainShowsProtocolCipherAndEachCertificate() throws Exception {
        KeyPair key = CertificateBuilder.ecKey();
        X509CertificateHolder leaf = leaf(key, NOW.plus(Duration.ofDays(10)));
        try (TlsTestServer server = serve("trusted", key, leaf, intermediate)) {
            CliRunner.Result result = probe(server, "localhost");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("connected to 127.0.0.1:" + server.port() + ", server name localhost")
                    .containsPattern("protocol  TLSv1\\.[23], cipher TLS_")
                    .contains("certificate 1 of 2 sent", "  subject   CN=localhost",
                            "  issuer    CN=Probe Intermediate CA", "  names     localhost",
                            "certificate 2 of 2 sent", "  issuer    CN=Probe Root CA")
                    .contains("verdict   trusted: OK (CN=localhost, chain: localhost <- Probe Intermediate CA <- "
                            + "Probe Root CA");
        }
    }

    @Test
    void anotherNameIsANameMismatch() throws Exception {
        KeyPair key = CertificateBuilder.ecKey();
        try (TlsTestServer server = serve("mismatch", key, leaf(key, NOW.plus(Duration.ofDays(10))),
                intermediate)) {
            assertVerdict(probe(server, "other.test"), "name mismatch: host name does not match: other.test");
        }
    }

    @Test
    void aSelfSignedCertificateIsSelfSigned() throws Exception {
        KeyPair key = CertificateBuilder.ecKey();
        X509CertificateHolder self = CertificateBuilder.certificate("localhost", key).tlsServer()
                .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1))).build();
        try (TlsTestServer server = serve("self", key, self)) {
            assertVerdict(probe(server, "localhost"), "self-signed: self-signed certificate");
        }
    }

    @Test
    void aServerWithoutItsIntermediateSendsAnIncompleteChain() throws Exception {
        KeyPair key = CertificateBuilder.ecKey();
        // Like Cachet's own certificates, this one says where its issuer is published (AIA caIssuers),
        // so the issuer is known to be an intermediate the server should have sent.
        X509CertificateHolder leaf = CertificateBuilder.certificate("localhost", key).tlsServer()
                .issuedBy(intermediate, intermediateKey)
                .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10)))
                .extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier,
                                "http://ca.test/intermediate.der"))).build();
        try (TlsTestServer server = serve("incomplete", key, leaf)) {
            CliRunner.Result result = probe(server, "localhost");
            assertVerdict(result, "incomplete chain: incomplete chain, an intermediate is missing");
            assertThat(result.out()).contains("certificate 1 of 1 sent").contains("http://ca.test/intermediate.der");
        }
    }

    @Test
    void anExpiredCertificateIsExpired() throws Exception {
        KeyPair key = CertificateBuilder.ecKey();
        X509CertificateHolder expired = CertificateBuilder.certificate("localhost", key).tlsServer()
                .issuedBy(intermediate, intermediateKey)
                .validity(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))).build();
        try (TlsTestServer server = serve("expired", key, expired, intermediate)) {
            assertVerdict(probe(server, "localhost"), "expired: certificate expired");
        }
    }

    @Test
    void anotherCasRootIsAnUnknownIssuer() throws Exception {
        KeyPair otherKey = CertificateBuilder.ecKey();
        Path other = PkiFixtures.write(dir, "other-root.pem", PkiFixtures.pem(CertificateBuilder
                .certificate("Other Root CA", otherKey).ca(-1).build()));
        KeyPair key = CertificateBuilder.ecKey();
        try (TlsTestServer server = serve("unknown", key, leaf(key, NOW.plus(Duration.ofDays(10))), intermediate)) {
            CliRunner.Result result = CliRunner.run("probe", "--trust", other.toString(), "--servername",
                    "localhost", "https://127.0.0.1:" + server.port());
            assertVerdict(result, "unknown issuer: ");
        }
    }

    @Test
    void aChainInTheWrongOrderIsTrustedButSaidToBeOutOfOrder() throws Exception {
        KeyPair key = CertificateBuilder.ecKey();
        try (TlsTestServer server = serve("disorder", key, leaf(key, NOW.plus(Duration.ofDays(10))), root,
                intermediate)) {
            assertVerdict(probe(server, "localhost"), "wrong order: the server sent the chain out of order: "
                    + "certificate 2 (CN=Probe Root CA) does not certify certificate 1 (CN=localhost)");
        }
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertBadInput(CliRunner.run("probe", "https://127.0.0.1:" + port),
                "127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void aServerThatStallsTimesOut() throws IOException {
        // The kernel completes the TCP handshake for the backlog; nobody ever answers.
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRunner.Result result = CliRunner.run("probe", "--timeout", "1",
                    "https://127.0.0.1:" + stalling.getLocalPort());
            assertBadInput(result, "timeout, the server accepted the connection but sent no TLS handshake within 1 s");
        }
    }

    @Test
    void aPortWithoutTlsIsNotATlsServer() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> answerHttp(plain), "plain-http");
            answer.start();
            CliRunner.Result result = CliRunner.run("probe", "https://127.0.0.1:" + plain.getLocalPort());
            answer.join(Duration.ofSeconds(10).toMillis());
            assertBadInput(result, "not a TLS server");
        }
    }

    @Test
    void aUrlThatIsNotHttpsIsRefused() {
        assertBadInput(CliRunner.run("probe", "http://127.0.0.1:1"), "is not an https:// URL");
    }

    private static X509CertificateHolder leaf(KeyPair key, Instant notAfter) {
        return CertificateBuilder.certificate("localhost", key).tlsServer().issuedBy(intermediate, intermediateKey)
                .validity(NOW.minus(Duration.ofHours(1)), notAfter).build();
    }

    private static TlsTestServer serve(String name, KeyPair key, X509CertificateHolder... chain) throws Exception {
        Path keyFile = PkiFixtures.write(dir, name + ".key", PrivateKeys.toPem(key.getPrivate(), null,
                new SecureRandom()));
        Path chainFile = PkiFixtures.write(dir, name + ".pem", PkiFixtures.pem(chain));
        return TlsTestServer.start(keyFile, chainFile, 1);
    }

    private static CliRunner.Result probe(TlsTestServer server, String serverName) {
        return CliRunner.run("probe", "--trust", rootFile.toString(), "--servername", serverName,
                "https://127.0.0.1:" + server.port());
    }

    /** A verdict other than trusted: exit code 3, the chain shown, the verdict as the last line. */
    private static void assertVerdict(CliRunner.Result result, String verdict) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("certificate 1 of ");
        assertThat(result.out().lines().reduce((first, second) -> second).orElseThrow())
                .startsWith("verdict   " + verdict);
    }

    private static void answerHttp(ServerSocket server) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.getInputStream().read(); // wait until the client closes
        } catch (IOException e) {
            // The client may close first: that is the expected end of this conversation.
        }
    }
}
