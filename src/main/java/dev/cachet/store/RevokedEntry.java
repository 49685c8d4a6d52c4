package dev.cachet.store;

import dev.cachet.core.RevocationReason;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One line of a CRL.
 *
 * @param serial the revoked serial
 * @param revokedAt when it was revoked
 * @param reason why
 */
public record RevokedEntry(BigInteger serial, Instant revokedAt, RevocationReason reason) {
}
