package dev.cachet.store.jdbc;

import dev.cachet.store.ConsistencySource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The consistency check's reads on H2 or PostgreSQL: read-only transactions with forward-only
 * cursors and a fetch size, so that a large table is never in memory at once.
 */
public final class JdbcConsistencySource implements ConsistencySource {
    private static final String CERTIFICATES = "SELECT serial, issuer_id, status, created_at, lint_certificate,"
            + " certificate FROM certificates ORDER BY serial";
    private static final String ORDERS = "SELECT o.id, o.status, o.certificate_serial, o.status_changed_at,"
            + " c.status AS certificate_status, c.certificate IS NOT NULL AS certificate_stored"
            + " FROM acme_orders o LEFT JOIN certificates c ON c.serial = o.certificate_serial ORDER BY o.id";
    private static final String REQUESTS = "SELECT id, status, status_changed_at, certificate_serial"
            + " FROM certificate_requests ORDER BY id";

    private final Jdbc jdbc;

    /**
     * Creates the source.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcConsistencySource(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<String> duplicateSerials() {
        return jdbc.list("duplicate serials", "SELECT LOWER(serial) AS serial FROM certificates"
                + " GROUP BY LOWER(serial) HAVING COUNT(*) > 1 ORDER BY 1", row -> row.getString("serial"));
    }

    @Override
    public void forEachCertificate(Consumer<CertificateRow> sink) {
        stream("certificates", CERTIFICATES, row -> sink.accept(new CertificateRow(row.getString("serial"),
                row.getString("issuer_id"), row.getString("status"), Jdbc.instant(row, "created_at"),
                row.getBytes("lint_certificate"), row.getBytes("certificate"))));
    }

    @Override
    public void forEachOrder(Consumer<OrderRow> sink) {
        stream("ACME orders", ORDERS, row -> sink.accept(new OrderRow(row.getString("id"), row.getString("status"),
                row.getString("certificate_serial"), Jdbc.instant(row, "status_changed_at"),
                row.getString("certificate_status"), row.getBoolean("certificate_stored"))));
    }

    @Override
    public void forEachRequest(Consumer<RequestRow> sink) {
        stream("certificate requests", REQUESTS, row -> sink.accept(new RequestRow(row.getString("id"),
                row.getString("status"), Jdbc.instant(row, "status_changed_at"), row.getString("certificate_serial"))));
    }

    private void stream(String what, String sql, RowSink sink) {
        jdbc.inTransaction(what, c -> {
            c.setReadOnly(true);
            read(c, sql, sink);
            return null;
        });
    }

    private static void read(Connection c, String sql, RowSink sink) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(RevokedCursor.FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows);
                }
            }
        }
    }

    /** Handles the current row. */
    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }
}
