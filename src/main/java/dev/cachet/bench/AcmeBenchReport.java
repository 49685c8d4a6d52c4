package dev.cachet.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a load run.
 *
 * @param orders orders completed (certificate downloaded)
 * @param errors orders failed
 * @param elapsed wall time of the order phase (accounts are made before it starts)
 * @param p50 median latency of a completed order
 * @param p99 99th percentile latency
 * @param firstErrors the first few error messages
 */
public record AcmeBenchReport(int orders, int errors, Duration elapsed, Duration p50, Duration p99,
        List<String> firstErrors) {

    /** Copies the list. */
    public AcmeBenchReport {
        firstErrors = List.copyOf(firstErrors);
    }

    /** @return completed orders per second of the order phase */
    public double ordersPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? orders / seconds : 0;
    }

    /** @return one line for people and scripts: {@code orders=... errors=... rate=.../s p50=...ms p99=...ms} */
    public String summary() {
        return String.format(Locale.ROOT, "acme orders=%d errors=%d elapsed=%.2fs rate=%.1f/s p50=%.1fms p99=%.1fms",
                orders, errors, elapsed.toNanos() / 1e9, ordersPerSecond(), p50.toNanos() / 1e6, p99.toNanos() / 1e6);
    }
}
