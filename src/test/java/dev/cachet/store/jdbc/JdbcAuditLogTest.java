package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.AuditEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcAuditLog} must do. */
class JdbcAuditLogTest extends StoreContract {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.000007Z");

    @Test
    void recentReturnsTheNewestEventsFirstWithTheirDetails() {
        JdbcAuditLog log = new JdbcAuditLog(dataSource());
        AuditEvent first = new AuditEvent(AT, "cli", "certificate.reserved", "0a", Map.of());
        AuditEvent second = new AuditEvent(AT, "token:deploy", "certificate.issued", "0b",
                Map.of("names", "dns:a.example,ip:192.0.2.1", "quote", "\"'\\ \u00e9\u4e2d\n"));
        AuditEvent third = new AuditEvent(AT.plusSeconds(1), "system", "crl.published", "issuer-a",
                Map.of("number", "7"));
        log.record(first);
        log.record(second);
        log.record(third);

        assertThat(log.recent(2)).containsExactly(third, second);
        assertThat(log.recent(10)).containsExactly(third, second, first);
        assertThat(log.recent(0)).isEmpty();
    }
}
