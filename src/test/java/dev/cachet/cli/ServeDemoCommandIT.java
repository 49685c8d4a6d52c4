package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.PrivateKeys;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.PkiFixtures;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cachet serve-demo} from the packaged jar: the page over HTTPS with its security headers, a
 * probe that trusts it, and a clean stop; and the files it refuses before listening.
 */
class ServeDemoCommandIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.now();

    @TempDir
    static Path dir;

    private static Path root;
    private static Path fullchain;
    private static Path key;
    private static Path outOfOrder;
    private static Path otherKey;

    @BeforeAll
    static void pki() {
        KeyPair rootKey = CertificateBuilder.ecKey();
        X509CertificateHolder rootCa = CertificateBuilder.certificate("Demo Root CA", rootKey).ca(-1).build();
        KeyPair subKey = CertificateBuilder.ecKey();
        X509CertificateHolder sub = CertificateBuilder.certificate("Demo Sub CA", subKey).ca(0)
                .issuedBy(rootCa, rootKey).build();
        KeyPair leafKey = CertificateBuilder.ecKey();
        X509CertificateHolder leaf = CertificateBuilder.certificate("demo.test", leafKey).tlsServer()
                .subjectAltNames(new GeneralName(GeneralName.dNSName, "demo.test"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"))
                .issuedBy(sub, subKey).validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1))).build();
        root = PkiFixtures.write(dir, "root.pem", PkiFixtures.pem(rootCa));
        fullchain = PkiFixtures.write(dir, "fullchain.pem", PkiFixtures.pem(leaf, sub));
        outOfOrder = PkiFixtures.write(dir, "disorder.pem", PkiFixtures.pem(leaf, rootCa, sub));
        key = PkiFixtures.write(dir, "key.pem", PrivateKeys.toPem(leafKey.getPrivate(), null, new SecureRandom()));
        otherKey = PkiFixtures.write(dir, "other.key", PrivateKeys.toPem(CertificateBuilder.ecKey().getPrivate(),
                null, new SecureRandom()));
    }

    @Test
    void servesOnePageWithSecurityHeadersUntilSigterm() throws Exception {
        try (ServeProcess demo = ServeProcess.start(dir, "serve-demo", "--cert", fullchain.toString(), "--key",
                key.toString(), "--port", "0")) {
            String url = demo.awaitLine("ready ", START).substring("ready ".length());
            int port = URI.create(url).getPort();

            HttpResponse<String> page = client().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                    .startsWith("default-src 'none'");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.body()).contains("<title>Cachet demo site</title>", "CN=demo.test", "CN=Demo Sub CA");

            CliRunner.Result probe = CliRunner.run("probe", "--trust", root.toString(), "--servername", "demo.test",
                    "https://127.0.0.1:" + port);
            assertThat(probe.out()).as(probe.err()).contains("verdict   trusted: ");

            demo.terminate();
            assertThat(demo.awaitExit(START)).isEqualTo(ServeProcess.SIGTERM_EXIT);
        }
    }

    @Test
    void aChainOutOfOrderIsRefused() {
        assertBadInput(CliRunner.run("serve-demo", "--cert", outOfOrder.toString(), "--key", key.toString(),
                "--port", "0"), "disorder.pem: certificates out of order: certificate 2 (CN=Demo Root CA) did not "
                + "issue certificate 1 (CN=demo.test)");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        assertBadInput(CliRunner.run("serve-demo", "--cert", fullchain.toString(), "--key", otherKey.toString(),
                "--port", "0"), "other.key: this key does not belong to the first certificate of");
    }

    private static HttpClient client() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(root)) {
            trust.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(START).build();
    }
}
