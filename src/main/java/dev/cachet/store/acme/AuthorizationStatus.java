package dev.cachet.store.acme;

/** RFC 8555 §7.1.6 authorization states. */
public enum AuthorizationStatus {
    /** Waiting for a challenge to be met. */
    PENDING,
    /** A challenge was met. */
    VALID,
    /** A challenge failed. */
    INVALID,
    /** Deactivated by the client. */
    DEACTIVATED,
    /** Past its expiry. */
    EXPIRED,
    /** Revoked by the server. */
    REVOKED
}
