package dev.cachet.enrolment.email;

import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.CertificateRequestStore;
import dev.cachet.store.requests.MailOutbox;
import dev.cachet.store.requests.OutboxMail;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What every part of e-mail enrolment shares: the stores, the audit log, the clock, the source of
 * secrets and the settings.
 *
 * @param requests the request store
 * @param outbox the mail outbox
 * @param audit the audit log
 * @param clock the time source
 * @param secrets ids, values and tokens
 * @param settings the settings
 */
public record RequestContext(CertificateRequestStore requests, MailOutbox outbox, AuditLog audit, Clock clock,
        ValidationSecrets secrets, EmailValidationSettings settings) {

    /** Checks the fields. */
    public RequestContext {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(settings, "settings");
    }

    /** Appends an audit event about a request, now. */
    void audit(String actor, String action, String requestId, Map<String, String> details) {
        audit.record(new AuditEvent(clock.instant(), actor, action, "request:" + requestId, details));
    }

    /** A mail to queue now. */
    OutboxMail mail(String recipient, String subject, String body) {
        return new OutboxMail(secrets.newId(), recipient, subject, body, 0, clock.instant());
    }

    /** Queues a notice to the requester of a request. */
    void notifyRequester(CertificateRequest request, String subject, String body) {
        outbox.enqueue(mail(request.contact(), subject, body));
        audit("system", "request.notice-queued", request.id(), Map.of("to", request.contact(), "subject", subject));
    }
}
