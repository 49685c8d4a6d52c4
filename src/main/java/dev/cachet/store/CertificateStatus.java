package dev.cachet.store;

/** Where a serial number stands in the issuance cycle. */
public enum CertificateStatus {
    /** Serial and linted TBS recorded; the real signature may or may not have happened. */
    RESERVED,
    /** Signed and stored. */
    ISSUED,
    /** Revoked; final. */
    REVOKED,
    /**
     * Never issued: the reservation outlived the grace period of crash recovery without its signed
     * certificate being stored, so the signature (if any) was lost and no client holds it. Final;
     * the row is kept for audit and the serial is never reused.
     */
    UNISSUED
}
