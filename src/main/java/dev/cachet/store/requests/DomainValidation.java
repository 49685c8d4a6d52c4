package dev.cachet.store.requests;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The validation of one base domain of a request (BR 3.2.2.4.4: a random value mailed to a
 * constructed address at the domain).
 *
 * @param requestId the request
 * @param domain the base domain, such as {@code example.org}
 * @param address the address the value was mailed to, such as {@code admin@example.org}
 * @param status where it stands
 * @param method {@code email} or {@code reused}
 * @param valueSha256 the hex SHA-256 of the random value; empty when reused
 * @param formKey the key of the confirmation page's anti-CSRF token; empty when reused
 * @param expiresAt when the value stops being accepted
 * @param attempts how many wrong values were presented
 * @param validatedAt when it was validated, if so
 */
public record DomainValidation(String requestId, String domain, String address, DomainStatus status, String method,
        Optional<String> valueSha256, Optional<byte[]> formKey, Instant expiresAt, int attempts,
        Optional<Instant> validatedAt) {

    /** Checks the fields. */
    public DomainValidation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(valueSha256, "valueSha256");
        Objects.requireNonNull(formKey, "formKey");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(validatedAt, "validatedAt");
    }
}
