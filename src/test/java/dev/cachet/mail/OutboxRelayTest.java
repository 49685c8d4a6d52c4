package dev.cachet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.AuditEvent;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.InMemoryMailOutbox;
import dev.cachet.testing.MutableClock;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox relay: sends due mails once, keeps failed ones and retries them with exponential backoff. */
class OutboxRelayTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<OutboxMail> delivered = new ArrayList<>();
    private boolean serverUp;
    private final OutboxRelay relay = new OutboxRelay(outbox, mail -> {
        if (!serverUp) {
            throw new MailDeliveryException("SMTP 127.0.0.1:25: connection refused", new ConnectException());
        }
        delivered.add(mail);
    }, audit, clock, Duration.ofSeconds(30), "instance-a");

    @Test
    void aFailedMailWaitsForItsBackoffAndIsDeliveredOnceTheServerIsUp() {
        outbox.enqueue(new OutboxMail("m1", "admin@example.org", "Confirm", "value", 0, NOW));

        assertThat(relay.deliverDue()).isZero();
        assertThat(outbox.lastError("m1")).contains("connection refused");
        serverUp = true;
        clock.advance(Duration.ofSeconds(29));
        assertThat(relay.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.deliverDue()).isEqualTo(1);

        assertThat(delivered).extracting(OutboxMail::id).containsExactly("m1");
        assertThat(outbox.pending()).isZero();
        assertThat(relay.deliverDue()).isZero();
        assertThat(audit.recent(5)).extracting(AuditEvent::action).containsExactly("mail.sent");
    }

    @Test
    void theBackoffDoublesUpToAnHour() {
        assertThat(relay.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(relay.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(relay.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(relay.backoff(8)).isEqualTo(OutboxRelay.MAX_BACKOFF);
        assertThat(relay.backoff(1000)).isEqualTo(OutboxRelay.MAX_BACKOFF);
    }
}
