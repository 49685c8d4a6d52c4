package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.RevokedEntry;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The certificate store on H2 or PostgreSQL. State changes are compare-and-set updates. */
public final class JdbcCertificateStore implements CertificateStore {
    private static final String INSERT_CERTIFICATE = "INSERT INTO certificates (serial, issuer_id, status,"
            + " profile, requester, not_before, not_after, created_at, lint_certificate)"
            + " VALUES (?, ?, 'RESERVED', ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NAME =
            "INSERT INTO certificate_names (serial, ordinal, name_type, name) VALUES (?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + CertificateRows.COLUMNS + " FROM certificates";

    private final Jdbc jdbc;
    private final Clock clock;
    private final RevokedCursor revokedCursor;

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     * @param clock the time of reservations
     */
    public JdbcCertificateStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.revokedCursor = new RevokedCursor(jdbc);
    }

    @Override
    public void reserve(CertificateReservation r) {
        String key = SerialKeys.key(r.serial());
        jdbc.inTransaction(describe(r.serial()), c -> {
            Jdbc.update(c, INSERT_CERTIFICATE, key, r.issuerId(), r.profile(), r.requester(), r.notBefore(),
                    r.notAfter(), clock.instant(), r.lintCertificate());
            insertNames(c, key, r.names());
            return null;
        });
    }

    @Override
    public void recordIssued(BigInteger serial, byte[] certificate) {
        String key = SerialKeys.key(serial);
        jdbc.withConnection(describe(serial), c -> {
            int updated = Jdbc.update(c, "UPDATE certificates SET status = 'ISSUED', certificate = ?"
                    + " WHERE serial = ? AND status = 'RESERVED'", certificate, key);
            if (updated == 0) {
                checkIssuedBefore(serial, certificate, findIn(c, serial));
            }
            return null;
        });
    }

    @Override
    public Optional<CertificateRecord> find(BigInteger serial) {
        return jdbc.withConnection(describe(serial), c -> findIn(c, serial));
    }

    @Override
    public boolean revoke(BigInteger serial, RevocationReason reason, Instant at) {
        String key = SerialKeys.key(serial);
        return jdbc.withConnection(describe(serial), c -> {
            int updated = Jdbc.update(c, "UPDATE certificates SET status = 'REVOKED', revoked_at = ?,"
                    + " revocation_reason = ? WHERE serial = ? AND status IN ('RESERVED', 'ISSUED')",
                    at, reason.code(), key);
            if (updated == 0) {
                CertificateRecord record = findIn(c, serial).orElseThrow(() -> notFound(serial));
                if (record.status() == CertificateStatus.UNISSUED) {
                    throw neverIssued(serial);
                }
            }
            return updated > 0;
        });
    }

    @Override
    public List<CertificateRecord> staleReservations(Instant reservedBefore, int limit) {
        return jdbc.withConnection("stale reservations", c -> CertificateRows.query(c, SELECT
                + " WHERE status = 'RESERVED' AND created_at < ? ORDER BY created_at, serial LIMIT ?",
                reservedBefore, Math.max(limit, 0)));
    }

    @Override
    public boolean markUnissued(BigInteger serial, Instant reservedBefore) {
        return jdbc.update(describe(serial), "UPDATE certificates SET status = 'UNISSUED'"
                + " WHERE serial = ? AND status = 'RESERVED' AND created_at < ?",
                SerialKeys.key(serial), reservedBefore) > 0;
    }

    @Override
    public List<CertificateRecord> search(CertificateQuery query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.status().ifPresent(s -> where(sql, parameters, " AND status = ?", s.name()));
        query.expiresBefore().ifPresent(t -> where(sql, parameters, " AND not_after < ?", t));
        query.name().ifPresent(n -> where(sql, parameters, " AND serial IN"
                + " (SELECT serial FROM certificate_names WHERE name = ?)", n));
        query.after().ifPresent(a -> where(sql, parameters, " AND serial > ?", SerialKeys.key(a)));
        sql.append(" ORDER BY serial LIMIT ").append(query.limit());
        return jdbc.withConnection("certificate search",
                c -> CertificateRows.query(c, sql.toString(), parameters.toArray()));
    }

    @Override
    public void forEachRevoked(String issuerId, Instant notExpiredAt, Consumer<RevokedEntry> sink) {
        revokedCursor.forEach(issuerId, notExpiredAt, sink);
    }

    private static Optional<CertificateRecord> findIn(Connection c, BigInteger serial) throws SQLException {
        return CertificateRows.query(c, SELECT + " WHERE serial = ?", SerialKeys.key(serial)).stream().findFirst();
    }

    private static void insertNames(Connection c, String key, List<Identifier> names) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new Object[] {key, i, names.get(i).type().name(), names.get(i).value()});
        }
        Jdbc.batch(c, INSERT_NAME, rows);
    }

    /** After a failed RESERVED-to-ISSUED update: fine when the same certificate was recorded before. */
    private static void checkIssuedBefore(BigInteger serial, byte[] certificate, Optional<CertificateRecord> found) {
        CertificateRecord record = found.orElseThrow(() -> notFound(serial));
        if (record.status() == CertificateStatus.REVOKED) {
            throw new CachetException(ErrorType.ALREADY_REVOKED,
                    describe(serial) + " was revoked before its certificate was recorded");
        }
        if (record.status() == CertificateStatus.UNISSUED) {
            // Recovery gave this issuance up for lost: the certificate must not reach the client.
            throw new CachetException(ErrorType.INTERNAL, describe(serial)
                    + " was marked never issued by crash recovery before its certificate was recorded");
        }
        if (!Arrays.equals(record.certificate().orElseThrow(), certificate)) {
            throw new CachetException(ErrorType.INTERNAL,
                    describe(serial) + " was already issued with a different certificate");
        }
    }

    private static void where(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(condition);
        parameters.add(value);
    }

    private static CachetException notFound(BigInteger serial) {
        return new CachetException(ErrorType.NOT_FOUND, describe(serial) + " is unknown");
    }

    private static CachetException neverIssued(BigInteger serial) {
        return new CachetException(ErrorType.NOT_FOUND, describe(serial) + " was never issued");
    }

    private static String describe(BigInteger serial) {
        return "certificate serial " + serial.toString(16);
    }
}
