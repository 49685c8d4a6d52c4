package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.PemDocument;
import dev.cachet.enrolment.Scope;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a running server serves besides the certificate API: its OpenAPI document, CA files, health, metrics. */
class ServerEndpointsIT {
    @TempDir
    static Path dir;

    private static RunningServer server;
    private static CachetClient client;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir.resolve("data"), Map.of());
        client = server.client();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOpenApiDocumentNamesEveryPathOfTheApi() {
        CachetClient.Reply reply = client.get("/api/v1/openapi.json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode document = reply.json();
        assertThat(document.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/certificates", "/api/v1/certificates/{serial}",
                "/api/v1/certificates/{serial}/revoke", "/api/v1/requests", "/api/v1/requests/{id}",
                "/api/v1/requests/{id}/approve", "/api/v1/requests/{id}/reject");
        assertThat(document.path("paths").path("/api/v1/certificates").has("post")).isTrue();
        assertThat(document.path("paths").path("/api/v1/certificates").has("get")).isTrue();
    }

    @Test
    void servesTheCaCertificatesOverPlainHttp() throws Exception {
        String http = server.server().httpUrl();
        String rootFile = Files.readString(server.server().rootCertificate());

        CachetClient.Reply root = client.get(http + "/ca/root.pem");
        CachetClient.Reply intermediate = client.get(http + "/ca/intermediate.der");
        CachetClient.Reply chain = client.get(http + "/ca/chain.pem");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).isEqualTo("application/x-pem-file");
        assertThat(root.text()).isEqualTo(rootFile);
        assertThat(intermediate.status()).isEqualTo(200);
        assertThat(intermediate.header("Content-Type")).isEqualTo("application/pkix-cert");
        X509CertificateHolder rootCertificate = PemDocument.read(server.server().rootCertificate()).certificate();
        X509CertificateHolder intermediateCertificate = new X509CertificateHolder(intermediate.body());
        assertThat(intermediateCertificate.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .setProvider(Jca.provider()).build(rootCertificate))).isTrue();
        assertThat(parse(chain.text())).containsExactly(intermediateCertificate, rootCertificate);
    }

    @Test
    void healthIsOkOnBothListeners() {
        for (String url : List.of(server.server().httpsUrl(), server.server().httpUrl())) {
            CachetClient.Reply reply = client.get(url + "/healthz");

            assertThat(reply.status()).as(url).isEqualTo(200);
            assertThat(reply.json().path("status").asText()).isEqualTo("ok");
            assertThat(reply.json().path("database").asText()).isEqualTo("up");
        }
    }

    @Test
    void metricsCountIssuanceByProfileAndTimeRequests() {
        CachetClient ops = client.withToken(server.token("metrics", List.of("example.org"), Scope.ISSUE));
        String tlsServer = "cachet_certificates_issued_total{profile=\"tls-server\"}";
        String shortLived = "cachet_certificates_issued_total{profile=\"short-lived\"}";
        String issueRequests = "cachet_http_requests_seconds_count{listener=\"https\",method=\"POST\","
                + "route=\"/api/v1/certificates\",status=\"201\"}";
        String before = client.get("/metrics").text();

        ops.issue(CachetClient.csr("metrics.example.org"));
        ops.postJson("/api/v1/certificates", CachetClient.json(Map.of("csr", CachetClient.csr("metrics.example.org"),
                "profile", "short-lived")));
        CachetClient.Reply after = client.get("/metrics");

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("Content-Type")).startsWith("text/plain");
        assertThat(value(after.text(), tlsServer) - value(before, tlsServer)).isEqualTo(1.0);
        assertThat(value(after.text(), shortLived) - value(before, shortLived)).isEqualTo(1.0);
        assertThat(value(after.text(), issueRequests) - value(before, issueRequests)).isEqualTo(2.0);
        assertThat(after.text()).containsPattern("cachet_http_requests_seconds_sum\\{[^}]*route=\"/metrics\"");
    }

    @Test
    void metricsCountRevocationsByReason() {
        CachetClient ops = client.withToken(server.token("metrics-revoke", List.of("example.org"), Scope.ISSUE,
                Scope.REVOKE));
        String keyCompromise = "cachet_revocations_total{reason=\"keyCompromise\"}";
        String before = client.get("/metrics").text();

        String serial = ops.issue(CachetClient.csr("revoked.example.org")).get("serial").asText();
        assertThat(ops.postJson("/api/v1/certificates/" + serial + "/revoke",
                CachetClient.json(Map.of("reason", "keyCompromise"))).status()).isEqualTo(200);

        assertThat(value(client.get("/metrics").text(), keyCompromise) - value(before, keyCompromise))
                .isEqualTo(1.0);
    }

    /** The value of a sample in Prometheus text, 0 when it is not there yet. */
    private static double value(String metrics, String sample) {
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1).strip())).orElse(0.0);
    }
}
