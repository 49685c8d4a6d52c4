package dev.cachet.store;

/** Where a serial number stands in the issuance cycle. */
public enum CertificateStatus {
    /** Serial and linted TBS recorded; the real signature may or may not have happened. */
    RESERVED,
    /** Signed and stored. */
    ISSUED,
    /** Revoked; final. */
    REVOKED
}
