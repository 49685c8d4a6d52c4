package dev.cachet.store.acme;

/** RFC 8555 §7.1.6 challenge states. */
public enum ChallengeStatus {
    /** Not yet answered. */
    PENDING,
    /** The client answered; validation runs. */
    PROCESSING,
    /** Validation succeeded. */
    VALID,
    /** Validation failed. */
    INVALID
}
