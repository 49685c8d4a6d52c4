package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.ocspStatus;
import static dev.cachet.server.ServerAssertions.parse;
import static dev.cachet.server.ServerAssertions.poll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.enrolment.Scope;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances with their own data folders share one PostgreSQL database and one CA (the second
 * starts with a copy of the first's {@code ca/} folder): what one does, the other sees.
 */
class TwoInstancesIT {
    /** revocation.ocspStatusMaxAgeSeconds and revocation.crlReloadSeconds of both instances. */
    private static final int MAX_AGE_SECONDS = 1;
    /** How long a change on one instance may take to show on the other: the max age, and slack for slow machines. */
    private static final Duration PROPAGATION = Duration.ofSeconds(MAX_AGE_SECONDS + 4);

    @TempDir
    static Path dir;

    private static RunningServer a;
    private static RunningServer b;
    private static CachetClient clientA;
    private static CachetClient clientB;

    @BeforeAll
    static void start() throws IOException {
        PostgresServer postgres = PostgresServer.shared();
        Map<String, String> overrides = new HashMap<>(RunningServer.postgres(postgres,
                postgres.newDatabase("two_instances"), dir));
        overrides.put("revocation.ocspStatusMaxAgeSeconds", String.valueOf(MAX_AGE_SECONDS));
        overrides.put("revocation.crlReloadSeconds", String.valueOf(MAX_AGE_SECONDS));
        a = RunningServer.start(dir.resolve("a"), overrides);
        b = RunningServer.startSharing(a, dir.resolve("b"), overrides);
        String token = a.token("ops", List.of("example.org"), Scope.ISSUE, Scope.REVOKE, Scope.READ);
        clientA = a.client().withToken(token);
        clientB = b.client().withToken(token);
    }

    @AfterAll
    static void stop() {
        try (RunningServer first = a; RunningServer second = b) {
            // closed in reverse order, also when one of them did not start
        }
    }

    @Test
    void bothServeTheSameCaOnTheirOwnPorts() {
        assertThat(b.server().createdCa()).isFalse();
        assertThat(b.server().rootFingerprint()).isEqualTo(a.server().rootFingerprint());
        assertThat(b.server().httpUrl()).isNotEqualTo(a.server().httpUrl());
        assertThat(clientB.get(b.server().httpUrl() + "/ca/intermediate.der").body())
                .isEqualTo(clientA.get(a.server().httpUrl() + "/ca/intermediate.der").body());
    }

    @Test
    void aRevocationThroughOneInstanceShowsInTheOthersOcspAndCrl() {
        JsonNode issued = clientA.issue(CachetClient.csr("shared.example.org"));
        String serial = issued.path("serial").asText();
        BigInteger number = new BigInteger(serial, 16);
        X509CertificateHolder intermediate = parse(issued.path("chain").asText()).get(0);
        String httpA = a.server().httpUrl();
        // A has the status cached and a CRL in memory before B revokes.
        assertThat(ocspStatus(clientA, httpA, intermediate, number)).isEqualTo("good");
        assertThat(crlLists(clientA, httpA, number)).isFalse();

        CachetClient.Reply read = clientB.get("/api/v1/certificates/" + serial);
        CachetClient.Reply revoked = clientB.postJson("/api/v1/certificates/" + serial + "/revoke",
                "{\"reason\":\"keyCompromise\"}");

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("certificate").asText()).isEqualTo(issued.path("certificate").asText());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        poll(PROPAGATION, "revoked in A's OCSP answer", () -> ocspStatus(clientA, httpA, intermediate, number),
                "revoked"::equals);
        poll(PROPAGATION, "listed in A's CRL", () -> crlLists(clientA, httpA, number), Boolean::booleanValue);
        assertThat(clientA.get("/api/v1/certificates/" + serial).json().path("status").asText())
                .isEqualTo("revoked");
        ServerAssertions.assertProblem(clientA.postJson("/api/v1/certificates/" + serial + "/revoke", "{}"), 409,
                "alreadyRevoked");
    }

    @Test
    void aTokenRevokedInTheDatabaseStopsWorkingOnBothInstances() {
        String secret = a.token("short-lived-token", List.of("example.org"), Scope.READ);
        assertThat(b.client().withToken(secret).get("/api/v1/certificates").status()).isEqualTo(200);

        assertThat(b.storage().tokens().revoke("short-lived-token")).isTrue();

        for (RunningServer instance : List.of(a, b)) {
            ServerAssertions.assertProblem(instance.client().withToken(secret).get("/api/v1/certificates"), 401,
                    "unauthorized");
        }
    }

    private static boolean crlLists(CachetClient client, String httpUrl, BigInteger serial) {
        CachetClient.Reply reply = client.get(httpUrl + "/crl/intermediate.crl");
        assertThat(reply.status()).isEqualTo(200);
        try {
            return new X509CRLHolder(reply.body()).getRevokedCertificate(serial) != null;
        } catch (IOException e) {
            throw new AssertionError("not a CRL", e);
        }
    }
}
