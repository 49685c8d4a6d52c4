package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertChainsToRoot;
import static dev.cachet.server.ServerAssertions.assertProblem;
import static dev.cachet.server.ServerAssertions.ocspStatus;
import static dev.cachet.server.ServerAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.ca.IssuerIds;
import dev.cachet.enrolment.Scope;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a real PostgreSQL, its password read from a file: issue, read, revoke, OCSP. */
class PostgresServerIT {
    @TempDir
    static Path dir;

    private static RunningServer server;

    @BeforeAll
    static void start() {
        PostgresServer postgres = PostgresServer.shared();
        server = RunningServer.start(dir.resolve("data"),
                RunningServer.postgres(postgres, postgres.newDatabase("server_smoke"), dir));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void issuesReadsRevokesAndAnswersOcspFromPostgres() throws Exception {
        CachetClient ops = server.client().withToken(server.token("ops", List.of("example.org"), Scope.ISSUE,
                Scope.REVOKE, Scope.READ));
        String http = server.server().httpUrl();

        JsonNode issued = ops.issue(CachetClient.csr("pg.example.org"));
        String serial = issued.path("serial").asText();
        X509CertificateHolder intermediate = parse(issued.path("chain").asText()).get(0);
        String before = ocspStatus(ops, http, intermediate, new BigInteger(serial, 16));
        CachetClient.Reply revoked = ops.postJson("/api/v1/certificates/" + serial + "/revoke",
                "{\"reason\":\"keyCompromise\"}");
        String after = ocspStatus(ops, http, intermediate, new BigInteger(serial, 16));

        assertChainsToRoot(issued.path("certificate").asText(), issued.path("chain").asText(),
                server.server().rootCertificate());
        assertThat(ops.get("/api/v1/certificates?name=pg.example.org").json().path("items").get(0)
                .path("serial").asText()).isEqualTo(serial);
        assertThat(before).isEqualTo("good");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("revocationReason").asText()).isEqualTo("keyCompromise");
        assertThat(after).isEqualTo("revoked");
        assertProblem(ops.postJson("/api/v1/certificates/" + serial + "/revoke", "{}"), 409, "alreadyRevoked");
        byte[] crl = server.storage().crls().latest(IssuerIds.of(intermediate)).orElseThrow().der();
        assertThat(new X509CRLHolder(crl).getRevokedCertificate(new BigInteger(serial, 16))).isNotNull();
    }

    @Test
    void keepsNothingInAnEmbeddedDatabase() {
        assertThat(server.data().resolve("ca/root.pem")).isRegularFile();
        assertThat(server.data().resolve("db")).doesNotExist();
        assertThat(server.client().get("/healthz").status()).isEqualTo(200);
    }
}
