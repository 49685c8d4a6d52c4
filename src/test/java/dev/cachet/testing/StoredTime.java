package dev.cachet.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the database keeps them, truncated to the microsecond, so that the in-memory stores
 * store and compare the same values as H2 and PostgreSQL.
 */
final class StoredTime {
    private StoredTime() {
    }

    /**
     * The stored form of an instant.
     *
     * @param instant an instant, or null
     * @return it truncated to microseconds, or null
     */
    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
