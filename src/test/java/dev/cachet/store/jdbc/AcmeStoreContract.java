package dev.cachet.store.jdbc;

import dev.cachet.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The base of the ACME store contracts: each test class runs once per {@link AcmeBackend}, on the
 * in-memory fakes, H2 and PostgreSQL, with fresh stores for every test, so the fakes cannot drift.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(AcmeBackend.class)
abstract class AcmeStoreContract {
    /** The start of the clock; with a microsecond part, as stored. */
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");

    @Parameter
    AcmeBackend backend;
    @TempDir
    Path tempDir;
    final MutableClock clock = new MutableClock(NOW);
    AcmeBackend.AcmeStores stores;

    @BeforeEach
    void openStores() {
        stores = backend.open(tempDir, clock);
    }

    @AfterEach
    void closeStores() {
        if (stores != null) {
            stores.closer().run();
        }
    }

    /**
     * Runs one compare-and-set from many threads at once.
     *
     * @param threads how many threads
     * @param call the compare-and-set
     * @return how many calls returned true
     */
    static int successes(int threads, Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get() ? 1 : 0;
            }
            return succeeded;
        } finally {
            pool.shutdown();
        }
    }
}
