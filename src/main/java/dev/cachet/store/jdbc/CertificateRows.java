package dev.cachet.store.jdbc;

import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads certificate records: one query for the certificates, one for all their names. */
final class CertificateRows {
    /** The columns of a certificate record, for {@code SELECT ... FROM certificates}. */
    static final String COLUMNS = "serial, issuer_id, status, profile, requester, not_before, not_after,"
            + " created_at, certificate, revoked_at, revocation_reason";

    private CertificateRows() {
    }

    /**
     * Runs a certificate query and attaches the names of every row.
     *
     * @param connection the connection
     * @param sql a query selecting {@link #COLUMNS}
     * @param parameters its parameters
     * @return the records in the order of the query
     */
    static List<CertificateRecord> query(Connection connection, String sql, Object... parameters)
            throws SQLException {
        List<CertificateRecord> bare = Jdbc.list(connection, sql, CertificateRows::record, parameters);
        if (bare.isEmpty()) {
            return bare;
        }
        Map<String, List<Identifier>> names = names(connection, bare);
        return bare.stream()
                .map(r -> withNames(r, names.getOrDefault(SerialKeys.key(r.serial()), List.of())))
                .collect(Collectors.toList());
    }

    private static Map<String, List<Identifier>> names(Connection connection, List<CertificateRecord> records)
            throws SQLException {
        List<String> keys = records.stream().map(r -> SerialKeys.key(r.serial())).collect(Collectors.toList());
        return Jdbc.children(connection, "SELECT serial, name_type, name FROM certificate_names"
                + " WHERE serial IN (%s) ORDER BY serial, ordinal", "serial",
                row -> identifier(row, "name_type", "name"), keys);
    }

    /**
     * Reads an identifier stored as its type's name and its value.
     *
     * @param row the row
     * @param typeColumn the column of the {@link Identifier.Type} name
     * @param valueColumn the column of the value
     * @return the identifier
     */
    static Identifier identifier(ResultSet row, String typeColumn, String valueColumn) throws SQLException {
        return new Identifier(Identifier.Type.valueOf(row.getString(typeColumn)), row.getString(valueColumn));
    }

    private static CertificateRecord record(ResultSet row) throws SQLException {
        int reason = row.getInt("revocation_reason");
        Optional<RevocationReason> revocationReason = row.wasNull() ? Optional.empty() : Optional.of(reason(reason));
        return new CertificateRecord(serial(row), row.getString("issuer_id"),
                CertificateStatus.valueOf(row.getString("status")), row.getString("profile"), List.of(),
                row.getString("requester"), Jdbc.instant(row, "not_before"), Jdbc.instant(row, "not_after"),
                Jdbc.instant(row, "created_at"), Optional.ofNullable(row.getBytes("certificate")),
                Optional.ofNullable(Jdbc.instant(row, "revoked_at")), revocationReason);
    }

    /**
     * The reason of a stored code.
     *
     * @param code a CRLReason code written by this store
     * @return the reason
     */
    static RevocationReason reason(int code) throws SQLException {
        return RevocationReason.fromCode(code).orElseThrow(() -> new SQLException("unknown revocation reason " + code));
    }

    private static BigInteger serial(ResultSet row) throws SQLException {
        return SerialKeys.serial(row.getString("serial"));
    }

    private static CertificateRecord withNames(CertificateRecord r, List<Identifier> names) {
        return new CertificateRecord(r.serial(), r.issuerId(), r.status(), r.profile(), names, r.requester(),
                r.notBefore(), r.notAfter(), r.createdAt(), r.certificate(), r.revokedAt(), r.revocationReason());
    }
}
