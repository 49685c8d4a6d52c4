package dev.cachet.bench;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs ACME orders against a server with a fixed number in flight: first one account per worker,
 * then each worker runs orders back to back until the order budget is spent or the duration is up.
 * Each order certifies a fresh random name under {@code .test} (RFC 2606), so that no authorization
 * is reused and per-name limits are not hit.
 */
public final class AcmeLoad {
    private static final String BASE_DOMAIN = "test";

    private final AcmeBenchSettings settings;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates a run.
     *
     * @param settings what to do
     * @param http the HTTP client, trusting the server's TLS certificate
     */
    public AcmeLoad(AcmeBenchSettings settings, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Runs the load; returns when every started order is done.
     *
     * @return the figures
     */
    public AcmeBenchReport run() {
        AcmeDirectory directory = AcmeDirectory.fetch(http, settings.directory());
        try (Http01Responder responder = Http01Responder.start(settings.http01Port())) {
            List<OrderRun> workers = workers(directory, responder);
            LatencyStats stats = new LatencyStats();
            AtomicInteger started = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers.size());
            long start = System.nanoTime();
            long stopStarting = start + settings.duration().toNanos();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (OrderRun worker : workers) {
                    running.add(pool.submit(() -> work(worker, directory, started, stopStarting, stats)));
                }
                for (Future<?> future : running) {
                    future.get();
                }
            } catch (ExecutionException e) {
                throw new CachetException(ErrorType.INTERNAL, "a load worker failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CachetException(ErrorType.UNAVAILABLE, "interrupted", e);
            } finally {
                pool.shutdownNow();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new AcmeBenchReport(stats.successes(), stats.errors(), elapsed, stats.percentile(50),
                    stats.percentile(99), stats.firstErrors());
        }
    }

    /** One registered account and one certificate key per worker; made before the clock starts. */
    private List<OrderRun> workers(AcmeDirectory directory, Http01Responder responder) {
        KeyPairFactory keys = new KeyPairFactory(random);
        List<OrderRun> workers = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            AcmeSession session = new AcmeSession(http, directory, AccountKey.generate());
            session.register();
            KeyPair certificateKey = keys.generate(KeyType.EC_P256);
            workers.add(new OrderRun(session, responder, certificateKey, settings.pollInterval(),
                    settings.orderTimeout()));
        }
        return workers;
    }

    private void work(OrderRun worker, AcmeDirectory directory, AtomicInteger started, long stopStarting,
            LatencyStats stats) {
        while (System.nanoTime() - stopStarting < 0 && started.getAndIncrement() < settings.orders()) {
            long begin = System.nanoTime();
            try {
                worker.run(randomName(), directory.newOrder());
                stats.success(Duration.ofNanos(System.nanoTime() - begin));
            } catch (CachetException e) {
                stats.error(e.getMessage());
            } catch (RuntimeException e) {
                stats.error(e.toString()); // one broken answer must not end the run
            }
        }
    }

    private String randomName() {
        byte[] label = new byte[8];
        random.nextBytes(label);
        return "o" + HexFormat.of().formatHex(label) + "." + BASE_DOMAIN;
    }
}
