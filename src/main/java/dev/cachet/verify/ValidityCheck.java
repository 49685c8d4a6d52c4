package dev.cachet.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Checks every certificate's validity period against the verification time, leaf first, so that
 * the message names the certificate that expired. The trust anchor is checked too, as OpenSSL does:
 * an expired root is worth knowing about even though RFC 5280 §6.1.1 (d) does not require it.
 */
final class ValidityCheck {

    private ValidityCheck() {
    }

    static void check(List<X509Certificate> chain, Instant time) throws Rejection {
        for (X509Certificate certificate : chain) {
            // RFC 5280 §4.1.2.5: the validity period includes both notBefore and notAfter.
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (time.isAfter(notAfter)) {
                throw new Rejection(Verdict.EXPIRED, " on " + notAfter, certificate);
            }
            Instant notBefore = certificate.getNotBefore().toInstant();
            if (time.isBefore(notBefore)) {
                throw new Rejection(Verdict.NOT_YET_VALID, ": valid from " + notBefore, certificate);
            }
        }
    }
}
