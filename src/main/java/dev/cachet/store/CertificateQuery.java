package dev.cachet.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * A page of a certificate search, ordered by serial number.
 *
 * @param status only certificates in this status, if given
 * @param expiresBefore only certificates whose notAfter is before this, if given
 * @param name only certificates for exactly this name (a DNS name, IP address or e-mail), if given
 * @param after only serials greater than this one (the cursor of the previous page), if given
 * @param limit the page size, 1 to 1000
 */
public record CertificateQuery(Optional<CertificateStatus> status, Optional<Instant> expiresBefore,
        Optional<String> name, Optional<BigInteger> after, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    /** Checks the page size. */
    public CertificateQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
