package dev.cachet.store.jdbc;

import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The audit log on H2 or PostgreSQL; details are a JSON object. */
public final class JdbcAuditLog implements AuditLog {
    private final Jdbc jdbc;
    private final JsonText json = new JsonText();

    /**
     * Creates the log.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(AuditEvent event) {
        jdbc.update("audit event " + event.action(), "INSERT INTO audit_events (occurred_at, actor, action,"
                + " subject, details) VALUES (?, ?, ?, ?, ?)", event.at(), event.actor(), event.action(),
                event.subject(), json.write(event.details()));
    }

    /** {@inheritDoc} Newest means last recorded. */
    @Override
    public List<AuditEvent> recent(int limit) {
        if (limit < 1) {
            return List.of();
        }
        return jdbc.list("audit events", "SELECT occurred_at, actor, action, subject, details FROM audit_events"
                + " ORDER BY id DESC LIMIT ?", this::event, limit);
    }

    private AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(Jdbc.instant(row, "occurred_at"), row.getString("actor"), row.getString("action"),
                row.getString("subject"), json.readMap(row.getString("details")));
    }
}
