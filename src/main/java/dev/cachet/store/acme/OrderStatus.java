package dev.cachet.store.acme;

/** RFC 8555 §7.1.6 order states. */
public enum OrderStatus {
    /** Some authorization is not yet valid. */
    PENDING,
    /** Every authorization is valid; the order may be finalized. */
    READY,
    /** Finalized; the certificate is being issued. */
    PROCESSING,
    /** The certificate was issued. */
    VALID,
    /** An authorization failed or the order expired or issuance failed. */
    INVALID
}
