package dev.cachet.store.jdbc;

import dev.cachet.core.Identifier;
import dev.cachet.store.CertificateReservation;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/** Reservations and bulk rows for the certificate store contracts. */
final class CertificateFixtures {
    static final String ISSUER = "0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final String BULK_COLUMNS = "serial, issuer_id, status, profile, requester, not_before,"
            + " not_after, created_at, lint_certificate, certificate, revoked_at, revocation_reason";

    private CertificateFixtures() {
    }

    static CertificateReservation reservation(BigInteger serial, Identifier... names) {
        return reservation(serial, ISSUER, NOW.plusSeconds(90 * 86_400L), names);
    }

    static CertificateReservation reservation(BigInteger serial, String issuer, Instant notAfter,
            Identifier... names) {
        return new CertificateReservation(serial, issuer, "server", List.of(names), "token:ci",
                NOW.minusSeconds(60), notAfter, new byte[] {0x30, 0x03, 0x02, 0x01, (byte) serial.intValue()});
    }

    /**
     * Inserts revoked certificates in one batch, faster than reserving and revoking each.
     *
     * @param dataSource the database
     * @param serials the serials
     * @param issuer their issuer
     * @param notAfter their end of validity
     */
    static void insertRevoked(DataSource dataSource, Collection<BigInteger> serials, String issuer,
            Instant notAfter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO certificates (" + BULK_COLUMNS + ") VALUES (?, ?, 'REVOKED', 'server', 'bulk', ?, ?, ?,"
                        + " ?, ?, ?, 1)")) {
            c.setAutoCommit(false);
            for (BigInteger serial : serials) {
                Jdbc.bind(insert, SerialKeys.key(serial), issuer, NOW, notAfter, NOW, new byte[] {1},
                        new byte[] {2}, revokedAt(serial));
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    /**
     * Inserts many revoked certificates in one statement (a row at a time is slow on H2). Serial i
     * is the hex number {@code <i in decimal>f<i mod 29 zeros>}: of many lengths, and unique.
     *
     * @param dataSource the database
     * @param count how many, serials 1 to count
     * @param issuer their issuer
     * @param notAfter their end of validity
     * @return the serials, in numeric order
     */
    static List<BigInteger> insertRevokedSeries(DataSource dataSource, int count, String issuer, Instant notAfter)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.update(c, "INSERT INTO certificates (" + BULK_COLUMNS + ") WITH RECURSIVE n(i) AS (SELECT 1"
                    + " UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT LPAD(CAST(i AS VARCHAR(10)) || 'f'"
                    + " || REPEAT('0', MOD(i, 29)), 40, '0'), ?, 'REVOKED', 'server', 'bulk', ?, ?, ?, ?, ?, ?, 1"
                    + " FROM n", count, issuer, NOW, notAfter, NOW, new byte[] {1}, new byte[] {2}, NOW);
        }
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new BigInteger(i + "f" + "0".repeat(i % 29), 16)).sorted()
                .collect(Collectors.toList());
    }

    /** @return the revocation time the bulk insert gives a serial */
    static Instant revokedAt(BigInteger serial) {
        return NOW.plusSeconds(serial.mod(BigInteger.valueOf(100_000)).longValueExact());
    }
}
