package dev.cachet.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed CRL.
 *
 * @param issuerId the issuing CA's id
 * @param number the CRL number (RFC 5280 §5.2.3), increasing per issuer
 * @param thisUpdate when it was issued
 * @param nextUpdate when the next one is due at the latest
 * @param der the DER encoding
 */
public record StoredCrl(String issuerId, BigInteger number, Instant thisUpdate, Instant nextUpdate, byte[] der) {

    /** Checks the fields. */
    public StoredCrl {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(der, "der");
    }
}
