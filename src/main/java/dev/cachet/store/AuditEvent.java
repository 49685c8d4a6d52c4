package dev.cachet.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which object, and when. Never key material.
 *
 * @param at when
 * @param actor who (token name, ACME account, {@code cli}, {@code system})
 * @param action what, such as {@code certificate.issued}, {@code certificate.revoked}, {@code token.used}
 * @param subject the object, such as a serial number
 * @param details more facts, as short strings
 */
public record AuditEvent(Instant at, String actor, String action, String subject, Map<String, String> details) {

    /** Checks the fields and copies the details. */
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        details = Map.copyOf(details);
    }
}
