package dev.cachet.store.acme;

/** RFC 8555 §7.1.6 account states. */
public enum AccountStatus {
    /** Usable. */
    VALID,
    /** Deactivated by its holder; final. */
    DEACTIVATED,
    /** Revoked by the server; final. */
    REVOKED
}
