package dev.cachet.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Latencies of completed orders, and the errors of failed ones; safe for concurrent workers. */
public final class LatencyStats {
    private static final int KEPT_ERRORS = 5;

    private final List<Long> nanos = new ArrayList<>();
    private final List<String> firstErrors = new ArrayList<>();
    private int errors;

    /** Records a completed order. */
    public synchronized void success(Duration latency) {
        nanos.add(latency.toNanos());
    }

    /** Records a failed order; the first few messages are kept. */
    public synchronized void error(String message) {
        errors++;
        if (firstErrors.size() < KEPT_ERRORS) {
            firstErrors.add(message);
        }
    }

    /** @return how many orders completed */
    public synchronized int successes() {
        return nanos.size();
    }

    /** @return how many orders failed */
    public synchronized int errors() {
        return errors;
    }

    /** @return the first few error messages */
    public synchronized List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /**
     * A percentile by the nearest-rank method: the smallest latency that at least p% of the orders
     * did not exceed.
     *
     * @param percent in (0, 100]
     * @return the latency, zero when no order completed
     */
    public synchronized Duration percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile out of range: " + percent);
        }
        if (nanos.isEmpty()) {
            return Duration.ZERO;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(rank, 1) - 1]);
    }
}
