package dev.cachet.core;

/**
 * Categories of failure, aligned with the ACME error types of RFC 8555 §6.7 so that every edge
 * (CLI exit codes, problem+json) maps them once.
 */
public enum ErrorType {
    /** The input could not be parsed: bad PEM, DER, JSON or syntax. */
    MALFORMED,
    /** A CSR is unusable: broken signature, missing names, unsupported content. */
    BAD_CSR,
    /** A public key is refused by key policy (too small, unknown curve, weak exponent). */
    BAD_PUBLIC_KEY,
    /** A name (DNS, IP, e-mail) is not acceptable. */
    REJECTED_IDENTIFIER,
    /** A private key could not be decrypted: wrong or missing passphrase. */
    BAD_PASSPHRASE,
    /** A request conflicts with policy, such as a validity beyond what a profile allows. */
    POLICY,
    /** Something that must not exist already exists (an output file, a CA). */
    ALREADY_EXISTS,
    /** Something that must exist does not. */
    NOT_FOUND,
    /** Reading or writing a file failed. */
    IO,
    /** No valid credentials were presented. */
    UNAUTHORIZED,
    /** The credentials do not allow this action or these names. */
    FORBIDDEN,
    /** The certificate was revoked already. */
    ALREADY_REVOKED,
    /** A service Cachet needs (the database) is not reachable; retrying later may succeed. */
    UNAVAILABLE,
    /** Chain or signature verification failed. */
    VERIFICATION,
    /** A bug or an unexpected state inside Cachet. */
    INTERNAL
}
