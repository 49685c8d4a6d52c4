package dev.cachet.revocation;

import java.time.Duration;
import java.util.Objects;

/**
 * How CRLs are made and refreshed.
 *
 * @param validity nextUpdate minus thisUpdate; at most 10 days (BR 4.9.7)
 * @param refreshInterval a stored CRL older than this is regenerated on the next request, so a CRL
 *     is issued at least this often and within this time of any revocation (BR 4.9.7: 24 hours);
 *     shorter than the validity
 * @param reloadInterval how long an instance serves the CRL it read or made before it reads the
 *     store again to see CRLs other instances made; zero reads on every request
 * @param maxSaveAttempts how often to generate anew when other instances keep taking the number
 */
public record CrlSettings(Duration validity, Duration refreshInterval, Duration reloadInterval, int maxSaveAttempts) {
    /** BR 4.9.7: nextUpdate at most ten days after thisUpdate. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(10);

    /** Checks the values. */
    public CrlSettings {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("CRL validity must be more than 0 and at most 10 days: " + validity);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero() || refreshInterval.compareTo(validity) >= 0) {
            throw new IllegalArgumentException("CRL refresh interval must be positive and shorter than the validity");
        }
        if (reloadInterval.isNegative() || reloadInterval.compareTo(refreshInterval) > 0) {
            throw new IllegalArgumentException("CRL reload interval must be 0 to the refresh interval");
        }
        if (maxSaveAttempts < 1) {
            throw new IllegalArgumentException("maxSaveAttempts must be at least 1");
        }
    }

    /** @return 7 days validity, refresh every 24 hours, reload after 1 minute, 5 save attempts */
    public static CrlSettings defaults() {
        return new CrlSettings(Duration.ofDays(7), Duration.ofHours(24), Duration.ofMinutes(1), 5);
    }
}
