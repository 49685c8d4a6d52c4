package dev.cachet.revocation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the OCSP responder signs, caches and limits.
 *
 * @param validity nextUpdate minus thisUpdate of each response: 8 hours to 10 days (BR 4.9.10)
 * @param statusMaxAge a cached response is served only while the store confirmed its status less
 *     than this long ago; after that the store is asked again. This bounds how long an instance
 *     may still say "good" after another instance, sharing the database, revoked the certificate.
 *     Zero asks the store on every request (the cache then only saves signatures)
 * @param cacheSize how many serials keep a signed response; zero turns the cache off
 * @param maxRequestBytes larger requests are refused as malformed
 * @param maxCertIds requests asking about more certificates are refused as malformed
 */
public record OcspSettings(Duration validity, Duration statusMaxAge, int cacheSize, int maxRequestBytes,
        int maxCertIds) {
    /** BR 4.9.10: a validity interval of at least eight hours. */
    public static final Duration MIN_VALIDITY = Duration.ofHours(8);
    /** BR 4.9.10: a validity interval of at most ten days. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(10);
    /** BR 4.9.10: a response valid for 16 hours or more is refreshed within four days of thisUpdate. */
    private static final Duration MAX_REFRESH = Duration.ofDays(4);

    /** Checks the values. */
    public OcspSettings {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(statusMaxAge, "statusMaxAge");
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("OCSP validity must be 8 hours to 10 days (BR 4.9.10): " + validity);
        }
        if (statusMaxAge.isNegative() || statusMaxAge.compareTo(validity) >= 0) {
            throw new IllegalArgumentException("statusMaxAge must be 0 or more and shorter than the validity");
        }
        if (cacheSize < 0 || maxRequestBytes < 1 || maxCertIds < 1) {
            throw new IllegalArgumentException("cacheSize must be 0 or more, the request limits 1 or more");
        }
    }

    /** @return 1 day validity, 5 s statusMaxAge, 100,000 cached serials, 64 KiB and 20 CertIDs per request */
    public static OcspSettings defaults() {
        return new OcspSettings(Duration.ofDays(1), Duration.ofSeconds(5), 100_000, 64 * 1024, 20);
    }

    /**
     * When a cached response is signed anew: after half its validity (BR 4.9.10 for validities under
     * 16 hours; for longer ones this is at least 8 hours before nextUpdate), and no later than four
     * days after thisUpdate.
     *
     * @return the age at which a signed response is replaced
     */
    public Duration resignAfter() {
        Duration half = validity.dividedBy(2);
        return half.compareTo(MAX_REFRESH) < 0 ? half : MAX_REFRESH;
    }
}
