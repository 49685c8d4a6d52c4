package dev.cachet.store.jdbc;

import dev.cachet.store.requests.MailOutbox;
import dev.cachet.store.requests.OutboxMail;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The mail outbox on H2 or PostgreSQL. A claim is an {@code UPDATE ... WHERE} the lease is free,
 * so that of several instances exactly one gets each due mail, on both databases alike.
 */
public final class JdbcMailOutbox implements MailOutbox {
    private static final int MAX_ERROR = 1000;
    private static final String FREE = "status = 'PENDING' AND next_attempt_at <= ?"
            + " AND (lease_until IS NULL OR lease_until < ?)";
    private final Jdbc jdbc;

    /**
     * Creates the outbox.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcMailOutbox(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void enqueue(OutboxMail mail) {
        jdbc.withConnection("mail " + mail.id(), c -> {
            insert(c, mail);
            return null;
        });
    }

    /** Queues a mail on a connection, in the caller's transaction. */
    static void insert(Connection connection, OutboxMail mail) throws SQLException {
        Jdbc.update(connection, "INSERT INTO mail_outbox (id, recipient, subject, body, status, attempts,"
                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?)", mail.id(), mail.recipient(),
                mail.subject(), mail.body(), mail.attempts(), mail.createdAt(), mail.createdAt());
    }

    @Override
    public List<OutboxMail> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        List<String> due = jdbc.list("mail outbox", "SELECT id FROM mail_outbox WHERE " + FREE
                + " ORDER BY next_attempt_at, id LIMIT " + Math.max(1, limit), row -> row.getString("id"), now, now);
        List<OutboxMail> claimed = new ArrayList<>();
        for (String id : due) {
            int won = jdbc.update("mail " + id, "UPDATE mail_outbox SET lease_owner = ?, lease_until = ? WHERE id = ?"
                    + " AND " + FREE, owner, leaseUntil, id, now, now);
            if (won == 1) {
                jdbc.first("mail " + id, "SELECT id, recipient, subject, body, attempts, created_at FROM mail_outbox"
                        + " WHERE id = ? AND lease_owner = ?", JdbcMailOutbox::mail, id, owner).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    @Override
    public boolean markSent(String id, String owner, Instant at) {
        return jdbc.update("mail " + id, "UPDATE mail_outbox SET status = 'SENT', sent_at = ?, body = '',"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'PENDING'",
                at, id, owner) == 1;
    }

    @Override
    public boolean markFailed(String id, String owner, String error, Instant nextAttemptAt) {
        String line = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return jdbc.update("mail " + id, "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ? AND status = 'PENDING'", line, nextAttemptAt, id, owner) == 1;
    }

    @Override
    public int pending() {
        return jdbc.first("mail outbox", "SELECT COUNT(*) AS n FROM mail_outbox WHERE status = 'PENDING'",
                row -> row.getInt("n")).orElse(0);
    }

    private static OutboxMail mail(ResultSet row) throws SQLException {
        return new OutboxMail(row.getString("id"), row.getString("recipient"), row.getString("subject"),
                row.getString("body"), row.getInt("attempts"), Jdbc.instant(row, "created_at"));
    }
}
