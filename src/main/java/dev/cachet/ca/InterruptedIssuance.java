package dev.cachet.ca;

import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Where the certificate of an interrupted issuance stands, for the crash recovery of what waited on
 * it (an ACME order, an e-mail request): the serial linked to it before the CA key signed tells exactly.
 */
public enum InterruptedIssuance {
    /** The certificate was signed and stored. */
    STORED,
    /** No serial was linked, or the serial was marked never issued: nothing was issued. */
    NEVER_ISSUED,
    /** The serial is still only reserved: to be looked at again once reservation recovery settled it. */
    UNSETTLED;

    /**
     * Looks the linked serial up.
     *
     * @param serial the serial linked before signing, if any
     * @param certificates the certificate store
     * @return where the certificate stands
     */
    public static InterruptedIssuance of(Optional<BigInteger> serial, CertificateStore certificates) {
        Optional<CertificateRecord> record = serial.flatMap(certificates::find);
        if (record.isPresent() && record.get().certificate().isPresent()) {
            return STORED;
        }
        return record.isEmpty() || record.get().status() != CertificateStatus.RESERVED ? NEVER_ISSUED : UNSETTLED;
    }
}
