package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertProblem;
import static dev.cachet.server.ServerAssertions.poll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.enrolment.Scope;
import dev.cachet.revocation.OcspTestClient;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's PostgreSQL goes away and comes back: requests fail fast with 503 meanwhile, nothing
 * is left half-written, and the same server issues again afterwards. Runs on a private PostgreSQL,
 * since it stops it.
 */
class DatabaseOutageIT {
    /** How long a request may take to fail while the database is down. */
    private static final Duration FAST = Duration.ofSeconds(10);
    /** How long the server may take to issue again once the database is back. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static PostgresServer postgres;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.create().start();
        server = RunningServer.start(dir.resolve("data"),
                RunningServer.postgres(postgres, postgres.newDatabase("outage"), dir));
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                postgres.start();
                server.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndIssuesAgainWhenItIsBack() {
        CachetClient ops = server.client().withToken(server.token("ops", List.of("example.org"), Scope.ISSUE,
                Scope.READ));
        String issueBody = CachetClient.json(Map.of("csr", CachetClient.csr("outage.example.org")));
        X509CertificateHolder intermediate = ServerAssertions.parse(ops.issue(CachetClient.csr("before.example.org"))
                .path("chain").asText()).get(0);
        int before = server.certificates().size();

        postgres.stop();
        // Asked together: each waits for the pool's connection timeout.
        List<CachetClient.Reply> replies = answeredWithin(FAST,
                () -> ops.postJson("/api/v1/certificates", issueBody),
                () -> server.client().get(server.server().httpUrl() + "/healthz"),
                () -> server.client().post(server.server().httpUrl() + "/ocsp", "application/ocsp-request",
                        OcspTestClient.request(new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
                                OcspTestClient.certId(intermediate, BigInteger.TEN))));
        CachetClient.Reply issue = replies.get(0);
        CachetClient.Reply health = replies.get(1);
        CachetClient.Reply ocsp = replies.get(2);
        postgres.start();

        assertThat(assertProblem(issue, 503, "unavailable")).contains("database");
        assertThat(issue.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("database").asText()).isEqualTo("down");
        assertThat(ocsp.status()).isEqualTo(200);
        assertThat(OcspTestClient.parse(ocsp.body()).getStatus()).isEqualTo(OCSPResp.TRY_LATER);
        CachetClient.Reply again = poll(RECOVERY, "issuing again", () -> ops.postJson("/api/v1/certificates",
                issueBody), reply -> reply.status() != 503);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(server.client().get("/healthz").status()).isEqualTo(200);
        List<CertificateRecord> after = server.certificates();
        assertThat(after).hasSize(before + 1);
        assertThat(after).allSatisfy(record -> assertThat(record.status()).isEqualTo(CertificateStatus.ISSUED));
    }

    /** Sends requests at once; all must be answered within the time. */
    @SafeVarargs
    private static List<CachetClient.Reply> answeredWithin(Duration time, Supplier<CachetClient.Reply>... requests) {
        long start = System.nanoTime();
        List<CompletableFuture<CachetClient.Reply>> replies = Stream.of(requests)
                .map(CompletableFuture::supplyAsync).toList();
        try {
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(time.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("not all answered within " + time, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(time);
        return replies.stream().map(CompletableFuture::join).toList();
    }
}
