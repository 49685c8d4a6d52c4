package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
            // Each migration once and successfully: the list grows with every new migration file.
            assertThat(applied).containsExactlyElementsOf(migrationVersions());
        }
    }

    /** The versions of the migration files ({@code V<n>__name.sql}), in order. */
    private static List<String> migrationVersions() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
