package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.CertificateFixtures.CLOCK;
import static dev.cachet.store.jdbc.CertificateFixtures.reservation;
import static dev.cachet.store.jdbc.JdbcCertificateStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.testing.PostgresServer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A PostgreSQL that goes away makes the stores fail fast with UNAVAILABLE; they recover when it is
 * back. Runs on a private server, since it stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutageTest {
    private static final Duration FAST = Duration.ofSeconds(8);
    private PostgresServer server;

    @BeforeAll
    void startPrivateServer() {
        server = PostgresServer.create().start();
    }

    @BeforeEach
    void serverIsUp() {
        server.start();
    }

    @AfterAll
    void deletePrivateServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStoppedServerIsUnavailableAndTheSameStoreWorksAfterARestart() {
        try (Database database = Database.open(server.newDatabase("outage"), server.user(), server.password())) {
            JdbcCertificateStore certificates = new JdbcCertificateStore(database.dataSource(), CLOCK);
            JdbcTokenStore tokens = new JdbcTokenStore(database.dataSource());
            certificates.reserve(reservation(BigInteger.ONE, Identifier.dns("a.example")));

            server.stop();

            assertUnavailableQuickly(() -> certificates.find(BigInteger.ONE));
            assertUnavailableQuickly(() -> certificates.reserve(reservation(BigInteger.TWO)));
            assertUnavailableQuickly(tokens::list);

            server.start();

            assertThat(certificates.find(BigInteger.ONE)).isPresent();
            certificates.reserve(reservation(BigInteger.TWO));
            assertThat(tokens.list()).isEmpty();
        }
    }

    @Test
    void aRestartBetweenCallsIsInvisibleOrUnavailableButNeverInternal() {
        try (Database database = Database.open(server.newDatabase("restart"), server.user(), server.password())) {
            JdbcCertificateStore certificates = new JdbcCertificateStore(database.dataSource(), CLOCK);
            certificates.reserve(reservation(BigInteger.ONE));

            server.restart();

            // Pooled connections opened before the restart fail once each (UNAVAILABLE, never INTERNAL)
            // and are evicted; within a few attempts the store answers again.
            for (int attempt = 0; attempt < Database.MAX_POOL_SIZE + 1; attempt++) {
                try {
                    assertThat(certificates.find(BigInteger.ONE)).isPresent();
                    return;
                } catch (CachetException e) {
                    assertThat(e.type()).isEqualTo(ErrorType.UNAVAILABLE);
                }
            }
            throw new AssertionError("the store did not recover after the restart");
        }
    }

    @Test
    void aUnitOfWorkAcrossARestartCommitsWholeOrFailsUnavailable() {
        try (Database database = Database.open(server.newDatabase("unit"), server.user(), server.password())) {
            JdbcCertificateStore certificates = new JdbcCertificateStore(database.dataSource(), CLOCK);
            JdbcUnitOfWork units = new JdbcUnitOfWork(database.dataSource());
            certificates.reserve(reservation(BigInteger.ONE));

            server.restart();

            List<BigInteger> failed = new ArrayList<>();
            for (int attempt = 0; attempt < Database.MAX_POOL_SIZE + 1; attempt++) {
                BigInteger first = BigInteger.valueOf(100 + 2 * attempt);
                BigInteger second = first.add(BigInteger.ONE);
                try {
                    units.inOne(() -> {
                        certificates.reserve(reservation(first));
                        certificates.reserve(reservation(second));
                    });
                    assertThat(certificates.find(first)).isPresent();
                    assertThat(certificates.find(second)).isPresent();
                    for (BigInteger serial : failed) {
                        assertThat(certificates.find(serial)).as("nothing of a failed unit").isEmpty();
                    }
                    return;
                } catch (CachetException e) {
                    assertThat(e.type()).isEqualTo(ErrorType.UNAVAILABLE);
                    failed.add(first);
                    failed.add(second);
                }
            }
            throw new AssertionError("the unit of work did not recover after the restart");
        }
    }

    private static void assertUnavailableQuickly(ThrowingCallable call) {
        long start = System.nanoTime();
        assertFails(ErrorType.UNAVAILABLE, call);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
    }
}
