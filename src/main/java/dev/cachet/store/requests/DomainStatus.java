package dev.cachet.store.requests;

/** Where the validation of one base domain of a request stands. */
public enum DomainStatus {
    /** A mail was (or will be) sent; waiting for the confirmation. */
    PENDING,
    /** Confirmed, or reused from an earlier validation. */
    VALIDATED,
    /** The domain's owner rejected the request. */
    REJECTED,
    /** Too many wrong values were presented; only an operator can decide now. */
    LOCKED
}
