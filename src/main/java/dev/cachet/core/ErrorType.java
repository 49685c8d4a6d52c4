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
    /** ACME: a nonce was missing, unknown, used or expired (RFC 8555 §6.5). */
    BAD_NONCE,
    /** ACME: a JWS algorithm is not supported (RFC 8555 §6.2). */
    BAD_SIGNATURE_ALGORITHM,
    /** ACME: the request names an account that does not exist (RFC 8555 §7.3.1). */
    ACCOUNT_DOES_NOT_EXIST,
    /** ACME: the server requires external account binding (RFC 8555 §7.3.4). */
    EXTERNAL_ACCOUNT_REQUIRED,
    /** ACME: the order is not ready to be finalized (RFC 8555 §7.4). */
    ORDER_NOT_READY,
    /** ACME: a revocation reason is not allowed (RFC 8555 §7.6). */
    BAD_REVOCATION_REASON,
    /** ACME: the client must visit the terms of service (RFC 8555 §7.3.3). */
    USER_ACTION_REQUIRED,
    /** Too many requests; retry after the time given. */
    RATE_LIMITED,
    /** Validation: a DNS lookup failed or found nothing. */
    DNS,
    /** Validation: the server could not connect to the target. */
    CONNECTION,
    /** Validation: the response did not match the challenge. */
    INCORRECT_RESPONSE,
    /** Validation: a TLS error during validation. */
    TLS,
    /** Validation: a CAA record forbids issuance (RFC 8659). */
    CAA,
    /** A bug or an unexpected state inside Cachet. */
    INTERNAL
}
