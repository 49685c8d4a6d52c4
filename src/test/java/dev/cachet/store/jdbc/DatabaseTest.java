package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.AuditEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link Database} must do: migrate once, keep committed data across a reopen. */
class DatabaseTest extends StoreContract {

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateAgain() throws SQLException {
        AuditEvent event = new AuditEvent(Instant.parse("2026-03-01T10:00:00Z"), "cli", "ca.created", "root",
                Map.of());
        new JdbcAuditLog(dataSource()).record(event);
        database.close();

        database = target.open();

        assertThat(new JdbcAuditLog(dataSource()).recent(5)).containsExactly(event);
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT version, success FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(rows.getString("version") + (rows.getBoolean("success") ? "" : " failed"));
            }
            assertThat(applied).containsExactly("1", "2", "6");
        }
    }
}
