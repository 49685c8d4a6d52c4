package dev.cachet.bench;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What one ACME load run does.
 *
 * @param directory the server's directory URL
 * @param orders at most this many orders are started
 * @param concurrency this many orders are in flight at once, one account each
 * @param duration no order is started after this much time
 * @param http01Port the port of 127.0.0.1 the built-in http-01 responder listens on
 * @param pollInterval the pause between two polls of an authorization or order
 * @param orderTimeout an order not done after this long counts as an error
 */
public record AcmeBenchSettings(URI directory, int orders, int concurrency, Duration duration, int http01Port,
        Duration pollInterval, Duration orderTimeout) {

    /** The poll interval of a load generator: fast, so that the server and not the client is measured. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(20);
    /** How long one order may take before it counts as an error. */
    public static final Duration DEFAULT_ORDER_TIMEOUT = Duration.ofSeconds(60);

    /** Checks the bounds. */
    public AcmeBenchSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(orderTimeout, "orderTimeout");
        if (orders < 1 || concurrency < 1 || concurrency > orders) {
            throw new CachetException(ErrorType.MALFORMED, "need 1 <= concurrency <= orders, got concurrency "
                    + concurrency + " and orders " + orders);
        }
        if (http01Port < 1 || http01Port > 65535) {
            throw new CachetException(ErrorType.MALFORMED, "http-01 port out of range: " + http01Port);
        }
        if (duration.isNegative() || duration.isZero() || pollInterval.isNegative()) {
            throw new CachetException(ErrorType.MALFORMED,
                    "the duration must be positive and the poll interval not negative");
        }
    }
}
