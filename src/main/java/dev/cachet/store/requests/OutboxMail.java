package dev.cachet.store.requests;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail waiting in the outbox, or claimed by a sender.
 *
 * @param id the random id
 * @param recipient the address
 * @param subject the subject line
 * @param body the plain text body
 * @param attempts how many deliveries failed so far
 * @param createdAt when it was queued
 */
public record OutboxMail(String id, String recipient, String subject, String body, int attempts, Instant createdAt) {

    /** Checks the fields. */
    public OutboxMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
