package dev.cachet.store.jdbc;

import dev.cachet.store.acme.RateLimitStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Rate-limit events on H2 or PostgreSQL. All probes of a request go out as one statement, a
 * {@code UNION ALL} of one index seek each ({@code ORDER BY time DESC LIMIT 1 OFFSET n-1} on
 * {@code acme_orders (account_id, created_at)} or {@code acme_rate_events (kind, subject, occurred_at)}),
 * so a probe costs the same however busy its subject is.
 */
public final class JdbcRateLimitStore implements RateLimitStore {
    private static final String ORDERS = "SELECT created_at AS probe_at FROM acme_orders"
            + " WHERE account_id = ? AND created_at > ? ORDER BY created_at DESC LIMIT 1 OFFSET ?";
    private static final String EVENTS = "SELECT occurred_at AS probe_at FROM acme_rate_events"
            + " WHERE kind = ? AND subject = ? AND occurred_at > ? ORDER BY occurred_at DESC LIMIT 1 OFFSET ?";

    private final Jdbc jdbc;

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcRateLimitStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<Optional<Instant>> nthNewest(List<Probe> probes) {
        if (probes.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            boolean order = probe.kind() == Kind.ORDER;
            // The probe's index is a literal: PostgreSQL cannot type a bare parameter in a select list.
            parts.add("SELECT " + i + " AS probe, probe_at FROM (" + (order ? ORDERS : EVENTS) + ") p" + i);
            if (!order) {
                parameters.add(probe.kind().name());
            }
            parameters.add(probe.subject());
            parameters.add(probe.since());
            parameters.add(probe.nth() - 1);
        }
        Map<Integer, Instant> found = jdbc.list("rate limits", String.join(" UNION ALL ", parts),
                row -> Map.entry(row.getInt("probe"), Jdbc.instant(row, "probe_at")), parameters.toArray())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Optional<Instant>> answers = new ArrayList<>(Collections.nCopies(probes.size(), Optional.empty()));
        found.forEach((index, at) -> answers.set(index, Optional.of(at)));
        return answers;
    }

    @Override
    public void record(List<Event> events) {
        List<Object[]> rows = events.stream().map(e -> new Object[] {e.kind().name(), e.subject(), e.at()}).toList();
        jdbc.inTransaction("rate-limit events", c -> {
            Jdbc.batch(c, "INSERT INTO acme_rate_events (kind, subject, occurred_at) VALUES (?, ?, ?)", rows);
            return null;
        });
    }

    @Override
    public int purge(Kind kind, Instant before, int limit) {
        return jdbc.update("old rate-limit events", "DELETE FROM acme_rate_events WHERE id IN (SELECT id FROM "
                + "acme_rate_events WHERE kind = ? AND occurred_at < ? ORDER BY occurred_at LIMIT ?)",
                kind.name(), before, limit);
    }
}
