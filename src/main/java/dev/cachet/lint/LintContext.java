package dev.cachet.lint;

import java.time.Instant;

/**
 * What a lint rule may know beyond the certificate itself.
 *
 * @param maxValidityDays the longest validity the profile allows, in days
 * @param tlsServer whether the certificate is a TLS server certificate (names required)
 * @param publicTrust whether the CA/Browser Forum TLS Baseline Requirements apply in full
 * @param issuerNotAfter when the issuing CA certificate expires
 * @param issuedAt the issuance time
 */
public record LintContext(int maxValidityDays, boolean tlsServer, boolean publicTrust, Instant issuerNotAfter,
        Instant issuedAt) {
}
