package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profiles;
import dev.cachet.ca.StoreJournal;
import dev.cachet.crypto.KeyType;
import dev.cachet.enrolment.email.EmailValidationSettings;
import dev.cachet.enrolment.email.RequestContext;
import dev.cachet.enrolment.email.RequestIssuance;
import dev.cachet.enrolment.email.ValidationSecrets;
import dev.cachet.store.UnitOfWork;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.InMemoryCertificateStore;
import dev.cachet.testing.TestCa;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Instances sharing one database, on H2 and PostgreSQL: each outbox mail is claimed by one sender
 * at a time, and an approved request is issued by exactly one of the instances racing for it.
 */
class RequestRacesTest extends StoreContract {
    private static final int RACERS = 4;

    @Test
    void racingSendersClaimEachMailOnce() throws Exception {
        JdbcMailOutbox outbox = new JdbcMailOutbox(dataSource());
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            outbox.enqueue(new OutboxMail("m" + i, "admin@example.org", "s", "b", 0, now));
        }

        List<List<OutboxMail>> claims = race(owner -> outbox.claim(owner, now.plusSeconds(1), now.plusSeconds(300),
                40));

        Set<String> ids = new HashSet<>();
        claims.forEach(list -> list.forEach(m -> assertThat(ids.add(m.id())).as("claimed twice: " + m.id()).isTrue()));
        assertThat(ids).hasSize(40);
    }

    @Test
    void racingInstancesIssueAnApprovedRequestOnce() throws Exception {
        Clock clock = Clock.systemUTC();
        TestCa ca = TestCa.create(KeyType.EC_P256, clock);
        InMemoryCertificateStore certificates = new InMemoryCertificateStore(clock);
        JdbcCertificateRequestStore requests = new JdbcCertificateRequestStore(dataSource());
        InMemoryAuditLog audit = new InMemoryAuditLog();
        RequestContext context = new RequestContext(requests, new JdbcMailOutbox(dataSource()), audit, clock,
                new ValidationSecrets(new SecureRandom()), new EmailValidationSettings("https://ca.test",
                        Duration.ofHours(24), 5, Duration.ZERO, List.of()));
        // Each racer is an instance of its own: its own issuer over the shared stores.
        List<RequestIssuance> instances = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            instances.add(new RequestIssuance(context, new LeafIssuer(ca.issuer(), new StoreJournal(certificates, audit,
                    UnitOfWork.EACH_ON_ITS_OWN, clock), new SecureRandom(), clock), Profiles.builtIn()));
        }
        for (int round = 0; round < 5; round++) {
            String id = "r" + round;
            requests.create(new CertificateRequest(id, RequestStatus.APPROVED, CachetClient.csr(id + ".example.org"),
                    "tls-server", List.of(id + ".example.org"), "anonymous", "dev@example.net", "AB", clock.instant(),
                    clock.instant(), Optional.empty(), Optional.empty(), Optional.empty()), List.of(), List.of());

            race(owner -> instances.get(Integer.parseInt(owner.substring(owner.indexOf('-') + 1)))
                    .issueIfApproved(id));

            assertThat(requests.find(id).orElseThrow().status()).isEqualTo(RequestStatus.ISSUED);
            assertThat(certificates.size()).isEqualTo(round + 1);
        }
    }

    /** Runs one call per racer, all released together; returns their results. */
    private static <T> List<T> race(Racer<T> racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String owner = "instance-" + i;
                Callable<T> call = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return racer.run(owner);
                };
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One racer's call. */
    @FunctionalInterface
    private interface Racer<T> {
        T run(String owner) throws Exception;
    }
}
