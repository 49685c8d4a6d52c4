package dev.cachet.store.jdbc;

import dev.cachet.store.RevokedEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Streams the revoked certificates of an issuer for a CRL. The query runs in a read-only
 * transaction with a forward-only cursor and a fetch size, so that PostgreSQL sends the rows in
 * batches (it only does so with autocommit off) and a million revocations are never in memory at once.
 */
final class RevokedCursor {
    /** Rows per round trip. */
    static final int FETCH_SIZE = 1000;
    private static final String QUERY = "SELECT serial, revoked_at, revocation_reason FROM certificates"
            + " WHERE issuer_id = ? AND status = 'REVOKED' AND not_after >= ? ORDER BY serial";

    private final Jdbc jdbc;

    RevokedCursor(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void forEach(String issuerId, Instant notExpiredAt, Consumer<RevokedEntry> sink) {
        jdbc.inTransaction("revoked certificates of issuer " + issuerId, c -> {
            c.setReadOnly(true);
            stream(c, issuerId, notExpiredAt, sink);
            return null;
        });
    }

    private static void stream(Connection c, String issuerId, Instant notExpiredAt, Consumer<RevokedEntry> sink)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(QUERY, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            Jdbc.bind(statement, issuerId, notExpiredAt);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(entry(rows));
                }
            }
        }
    }

    private static RevokedEntry entry(ResultSet row) throws SQLException {
        return new RevokedEntry(SerialKeys.serial(row.getString("serial")), Jdbc.instant(row, "revoked_at"),
                CertificateRows.reason(row.getInt("revocation_reason")));
    }
}
