package dev.cachet.mail;

import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.requests.MailOutbox;
import dev.cachet.store.requests.OutboxMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due mails of the outbox: claims a batch with a lease (so that instances sharing the
 * database never send one mail at the same time), sends each, and marks it sent or due again after
 * an exponential backoff capped at {@link #MAX_BACKOFF}. A crash while sending leaves the lease to
 * expire and the mail to be sent again: delivery is at least once.
 */
public final class OutboxRelay {
    /** The longest wait between two tries of one mail. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;
    private final MailOutbox outbox;
    private final MailTransport transport;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration firstRetry;
    private final String owner;

    /**
     * Creates the relay.
     *
     * @param outbox the outbox
     * @param transport the mail server
     * @param audit records each delivery
     * @param clock the time source
     * @param firstRetry the wait after the first failure; doubled after each further one
     * @param owner this instance's name in leases
     */
    public OutboxRelay(MailOutbox outbox, MailTransport transport, AuditLog audit, Clock clock, Duration firstRetry,
            String owner) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.firstRetry = Objects.requireNonNull(firstRetry, "firstRetry");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * Sends the mails that are due now.
     *
     * @return how many were delivered
     */
    public int deliverDue() {
        Instant now = clock.instant();
        List<OutboxMail> claimed = outbox.claim(owner, now, now.plus(lease()), BATCH);
        int sent = 0;
        for (OutboxMail mail : claimed) {
            try {
                transport.send(mail);
                outbox.markSent(mail.id(), owner, clock.instant());
                audit.record(new AuditEvent(clock.instant(), "system", "mail.sent", "mail:" + mail.id(),
                        Map.of("to", mail.recipient(), "subject", mail.subject())));
                sent++;
            } catch (MailDeliveryException e) {
                Instant next = clock.instant().plus(backoff(mail.attempts() + 1));
                outbox.markFailed(mail.id(), owner, e.getMessage(), next);
                LOG.warn("mail {} to {} not delivered (try {}), next try at {}: {}", mail.id(), mail.recipient(),
                        mail.attempts() + 1, next, e.getMessage());
            }
        }
        return sent;
    }

    /**
     * The wait after a number of failed tries.
     *
     * @param failures how many tries failed, at least 1
     * @return firstRetry doubled per further failure, at most {@link #MAX_BACKOFF}
     */
    Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Long enough for a batch of slow sends; a crashed sender's claims free up after it. */
    private Duration lease() {
        return Duration.ofMinutes(5);
    }
}
