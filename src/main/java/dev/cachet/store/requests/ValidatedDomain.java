package dev.cachet.store.requests;

import java.time.Instant;
import java.util.Objects;

/**
 * A completed domain validation, kept for audit and reuse (BR 4.2.1 allows reuse within a period).
 *
 * @param domain the base domain
 * @param method how it was validated, such as {@code email}
 * @param address the address the value was mailed to
 * @param validatedAt when
 * @param requestId the request it was made for
 */
public record ValidatedDomain(String domain, String method, String address, Instant validatedAt, String requestId) {

    /** Checks the fields. */
    public ValidatedDomain {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(validatedAt, "validatedAt");
        Objects.requireNonNull(requestId, "requestId");
    }
}
