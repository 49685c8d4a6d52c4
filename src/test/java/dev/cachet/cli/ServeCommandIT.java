package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.server.Storage;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.jdbc.Database;
import dev.cachet.store.jdbc.JdbcAuditLog;
import dev.cachet.store.jdbc.JdbcCertificateStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cachet serve} as a real process: first start, restart on the same data folder, graceful
 * shutdown on SIGTERM, and a port in use. On SIGTERM the JVM exits with 143 (128 + 15) once the
 * listeners have drained and the database is closed; the README documents this exit code.
 */
class ServeCommandIT {
    /** First start creates a CA; a JVM starting a jar takes a few seconds more on a busy machine. */
    private static final Duration START = Duration.ofSeconds(60);
    /** In-flight requests get 10 s; the rest of the shutdown takes well under a second. */
    private static final Duration STOP = Duration.ofSeconds(20);
    /** Idle keep-alive connections are closed after 3 s on shutdown; the rest takes well under a second. */
    private static final Duration QUICK_STOP = Duration.ofSeconds(7);
    private static final Pattern READY = Pattern.compile("ready https://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesTheCaAndARestartOpensTheSameOneAndReusesTheCertificate() throws Exception {
        Path data = dir.resolve("data");
        String fingerprint;
        byte[] serverCertificate;
        try (ServeProcess serve = serve(data)) {
            int port = port(serve.awaitLine("ready ", START));
            fingerprint = sha256(certificate(data.resolve("ca/root.pem")));
            List<String> lines = serve.lines();
            assertThat(lines.get(0)).isEqualTo("Cachet created the CA in " + data);
            assertThat(lines).contains("  root:         " + data.resolve("ca/root.pem").toAbsolutePath(),
                    "  root SHA-256: " + fingerprint);
            assertThat(lines.get(1)).startsWith("  HTTPS:        https://127.0.0.1:" + port + "   (REST API: ");
            // No passphrase configured: the keys are still encrypted, with a generated passphrase.
            Path passphrase = data.resolve("ca/passphrase");
            assertThat(lines).contains("  CA keys:      encrypted, passphrase generated into " + passphrase
                    + " (move it away from the keys; see ca.passphraseFile)");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase))).isEqualTo("rw-------");
            assertThat(PrivateKeys.isEncrypted(PemDocument.read(data.resolve("ca/intermediate.key")))).isTrue();
            assertThat(PrivateKeys.isEncrypted(PemDocument.read(data.resolve("ca/root.key")))).isTrue();
            assertHealthy(port, data.resolve("ca/root.pem"));
            serverCertificate = Files.readAllBytes(data.resolve("tls/server.pem"));
            Path trail = data.resolve(Storage.AUDIT_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trail))).isEqualTo("rw-------");
            assertThat(Files.readString(trail)).contains("\"actor\":\"system\",\"action\":\"certificate.reserved\"");
            long stopping = System.nanoTime();
            serve.terminate();
            assertThat(serve.awaitExit(STOP)).isEqualTo(ServeProcess.SIGTERM_EXIT);
            // The health check's keep-alive connection is idle: it must not hold the shutdown up.
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(QUICK_STOP);
        }
        try (ServeProcess again = serve(data)) {
            int port = port(again.awaitLine("ready ", START));
            assertThat(again.lines().get(0)).isEqualTo("Cachet opened the CA in " + data);
            assertThat(again.lines()).contains("  root SHA-256: " + fingerprint);
            assertHealthy(port, data.resolve("ca/root.pem"));
            assertThat(Files.readAllBytes(data.resolve("tls/server.pem"))).isEqualTo(serverCertificate);
            again.terminate();
            assertThat(again.awaitExit(STOP)).isEqualTo(ServeProcess.SIGTERM_EXIT);
        }
        try (Database database = Database.embedded(data.resolve("db"))) {
            assertThat(certificates(database)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(CertificateStatus.ISSUED));
        }
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishAndLeavesTheDatabaseConsistent() throws Exception {
        Path data = dir.resolve("data");
        try (ServeProcess serve = serve(data)) {
            serve.awaitLine("ready ", START);
            String httpLine = serve.lines().stream().filter(l -> l.startsWith("  HTTP: ")).findFirst().orElseThrow();
            int httpPort = Integer.parseInt(httpLine.replaceAll("  HTTP: +http://127\\.0\\.0\\.1:(\\d+) .*", "$1"));
            byte[] request = OcspRequests.forServerCertificate(data);
            try (SlowPost post = SlowPost.open(httpPort, "/ocsp", "application/ocsp-request", request.length)) {
                assertThat(post.awaitContinue()).startsWith("HTTP/1.1 100");

                serve.terminate();
                awaitRefused(httpPort, STOP);
                SlowPost.Response response = post.finish(request);

                assertThat(response.status()).as(serve.errors()).isEqualTo(200);
                assertThat(OcspRequests.isGood(response.body(), data)).as(serve.errors()).isTrue();
            }
            assertThat(serve.awaitExit(STOP)).as(serve.errors()).isEqualTo(ServeProcess.SIGTERM_EXIT);
            assertThat(serve.errors()).isEmpty();
        }
        try (Database database = Database.embedded(data.resolve("db"))) {
            assertThat(certificates(database)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(CertificateStatus.ISSUED));
            assertThat(new JdbcAuditLog(database.dataSource()).recent(1000))
                    .hasSameSizeAs(Files.readAllLines(data.resolve(Storage.AUDIT_FILE)));
        }
    }

    @Test
    void aPortInUseFailsWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServeProcess serve = ServeProcess.start(dir, "serve", "--data", dir.resolve("data").toString(),
                        "--listen", "127.0.0.1:" + taken.getLocalPort(), "--http-listen", "127.0.0.1:0")) {
            int exit = serve.awaitExit(START);

            assertThat(exit).isEqualTo(ExitCodes.FAILURE);
            assertThat(serve.output()).isEmpty();
            assertThat(serve.errors().lines().toList()).singleElement().asString()
                    .startsWith("cachet: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    private ServeProcess serve(Path data) throws IOException {
        return ServeProcess.start(dir, "serve", "--data", data.toString(), "--listen", "127.0.0.1:0",
                "--http-listen", "127.0.0.1:0");
    }

    private static int port(String ready) {
        Matcher matcher = READY.matcher(ready);
        assertThat(matcher.matches()).as(ready).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static void assertHealthy(int port, Path root) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", certificate(root));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                + "/healthz")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"", "\"database\":\"up\"");
    }

    private static X509Certificate certificate(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String sha256(X509Certificate certificate) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(certificate.getEncoded()));
    }

    private static void awaitRefused(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                // A timeout or reset while the listener closes: try again.
            }
            Thread.sleep(20);
        }
        throw new AssertionError("127.0.0.1:" + port + " still accepts connections after " + timeout);
    }

    private static List<CertificateRecord> certificates(Database database) {
        return new JdbcCertificateStore(database.dataSource(), Clock.systemUTC()).search(new CertificateQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100));
    }
}
