package dev.cachet.revocation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import java.util.Optional;

/** Asks the store where a serial stands. */
final class StatusLookup {
    private final CertificateStore certificates;

    StatusLookup(CertificateStore certificates) {
        this.certificates = certificates;
    }

    /**
     * Reads the status of a serial of an issuer.
     *
     * @param issuer the issuer the CertID names
     * @param serial the serial
     * @return good for reserved or issued, revoked, or unknown when the issuer never used the serial
     *     or never issued a certificate with it
     */
    CertStatus lookup(ServedIssuer issuer, BigInteger serial) {
        Optional<CertificateRecord> found = certificates.find(serial);
        if (found.isEmpty() || !found.get().issuerId().equals(issuer.id())) {
            return CertStatus.UNKNOWN;
        }
        CertificateRecord record = found.get();
        switch (record.status()) {
            case RESERVED:
            case ISSUED:
                return CertStatus.GOOD;
            case UNISSUED:
                // Crash recovery found the signature lost: no certificate with this serial exists,
                // so the serial is unused. BR 4.9.10: never "good" for it; RFC 6960 §2.2: "unknown".
                return CertStatus.UNKNOWN;
            case REVOKED:
                return CertStatus.revoked(record.revokedAt().orElseThrow(() -> new CachetException(
                        ErrorType.INTERNAL, "revoked serial " + serial.toString(16) + " has no revocation time")),
                        record.revocationReason().orElse(RevocationReason.UNSPECIFIED));
            default:
                throw new CachetException(ErrorType.INTERNAL, "unknown status " + record.status());
        }
    }
}
