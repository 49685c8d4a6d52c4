package dev.cachet.cli;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.Profiles;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.OrderStatus;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.store.jdbc.JdbcAcmeOrderStore;
import dev.cachet.store.jdbc.JdbcCertificateRequestStore;
import dev.cachet.store.jdbc.JdbcCertificateStore;
import dev.cachet.testing.TestCa;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Damages a Cachet database on purpose, one kind of problem per method, through the stores where
 * they allow it and plain SQL where only a bug or a hand could do it.
 */
final class DatabaseDamage {
    /** Long before any grace period. */
    static final Instant LONG_AGO = Instant.now().minus(Duration.ofHours(1));

    private final DataSource db;
    private final String issuerId;
    private final JdbcCertificateStore oldStore;
    private final JdbcAcmeOrderStore orders;
    private final JdbcAcmeOrderStore oldOrders;
    private int next = 1;

    DatabaseDamage(DataSource db, String issuerId) {
        this.db = db;
        this.issuerId = issuerId;
        Clock old = Clock.fixed(LONG_AGO, ZoneOffset.UTC);
        this.oldStore = new JdbcCertificateStore(db, old);
        this.orders = new JdbcAcmeOrderStore(db, Clock.systemUTC());
        this.oldOrders = new JdbcAcmeOrderStore(db, old);
    }

    /** A second row for a serial: the same row under the upper-case spelling of its key. */
    void duplicate(String serialKey) throws SQLException {
        sql("INSERT INTO certificates (serial, issuer_id, status, profile, requester, not_before, not_after,"
                + " created_at, lint_certificate, certificate) SELECT UPPER(serial), issuer_id, status, profile,"
                + " requester, not_before, not_after, created_at, lint_certificate, certificate FROM certificates"
                + " WHERE serial = ?", serialKey);
    }

    /** Stores another certificate's bytes in a row. */
    void swapCertificate(String serialKey, String fromSerialKey) throws SQLException {
        sql("UPDATE certificates SET certificate = (SELECT certificate FROM certificates WHERE serial = ?)"
                + " WHERE serial = ?", fromSerialKey, serialKey);
    }

    /** Un-revokes a certificate the CRL lists. */
    void unrevoke(String serialKey) throws SQLException {
        sql("UPDATE certificates SET status = 'ISSUED', revoked_at = NULL, revocation_reason = NULL"
                + " WHERE serial = ?", serialKey);
    }

    /** @return the serial of a reservation left an hour ago and never stored */
    BigInteger oldReservation() {
        BigInteger serial = serial();
        oldStore.reserve(reservation(serial, new byte[] {0x30, 0x00}));
        return serial;
    }

    /** An old reservation marked never issued, yet holding a certificate. */
    void unissuedWithCertificate(byte[] certificate) throws SQLException {
        BigInteger serial = oldReservation();
        sql("UPDATE certificates SET status = 'UNISSUED', certificate = ? WHERE serial = ?", certificate,
                key(serial));
    }

    /** An issued row whose certificate is not DER. */
    void garbageCertificate() {
        BigInteger serial = serial();
        oldStore.reserve(reservation(serial, new byte[] {0x30, 0x00}));
        oldStore.recordIssued(serial, new byte[] {1, 2, 3});
    }

    /** An issued row holding a certificate of another CA, linted and stored consistently. */
    void foreignCertificate() {
        TestCa other = TestCa.create(KeyType.EC_P256, Clock.systemUTC());
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(new KeyPairFactory(new SecureRandom())
                .generate(KeyType.EC_P256).getPublic().getEncoded());
        var issued = other.issue(Clock.systemUTC(), new IssuanceRequest(key, List.of(Identifier.dns("foreign.test")),
                Optional.empty(), Profiles.require("tls-server"), OptionalInt.empty()));
        byte[] der = other.journal().issued().get(issued.serial());
        oldStore.reserve(reservation(issued.serial(), der));
        oldStore.recordIssued(issued.serial(), der);
    }

    /**
     * An order in a status, linked to a serial or not.
     *
     * @param id the order id
     * @param status its status
     * @param serial its certificate, or null
     * @param stuck whether its status was written an hour ago
     */
    void order(String id, OrderStatus status, BigInteger serial, boolean stuck) {
        AcmeAuthorization authorization = new AcmeAuthorization("authz-" + id, "acct", Identifier.dns(id + ".test"),
                false, AuthorizationStatus.VALID, Instant.now().plus(Duration.ofDays(30)), List.of());
        (stuck ? oldOrders : orders).create(new AcmeOrder(id, "acct", status, List.of(authorization.identifier()),
                List.of(authorization.id()), Instant.now().plus(Duration.ofDays(7)), null, null, "classic", null,
                serial, null, LONG_AGO), List.of(authorization));
    }

    /**
     * An e-mail request left issuing, as a crash between claiming it and storing its certificate leaves it.
     *
     * @param id the request id
     * @param stuck whether it was claimed an hour ago
     * @param serial the serial attached to it before signing, or null
     */
    void issuingRequest(String id, boolean stuck, BigInteger serial) {
        JdbcCertificateRequestStore requests = new JdbcCertificateRequestStore(db);
        Instant claimed = stuck ? LONG_AGO : Instant.now();
        requests.create(new CertificateRequest(id, RequestStatus.ISSUING, "-----BEGIN CERTIFICATE REQUEST-----",
                "tls-server", List.of(id + ".test"), "anonymous", "dev@" + id + ".test", "AB:CD", LONG_AGO, claimed,
                Optional.empty(), Optional.empty(), Optional.empty()), List.of(), List.of());
        if (serial != null && !requests.attachSerial(id, serial)) {
            throw new IllegalStateException("request " + id + " took no serial");
        }
    }

    static String key(BigInteger serial) {
        String hex = serial.toString(16);
        return "0".repeat(40 - hex.length()) + hex;
    }

    private BigInteger serial() {
        return BigInteger.valueOf(0xdead0000L + next++);
    }

    private CertificateReservation reservation(BigInteger serial, byte[] lint) {
        return new CertificateReservation(serial, issuerId, "tls-server", List.of(Identifier.dns("damage.test")),
                "test", LONG_AGO, LONG_AGO.plus(Duration.ofDays(90)), lint);
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
