package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.CertificateFixtures.CLOCK;
import static dev.cachet.store.jdbc.CertificateFixtures.ISSUER;
import static dev.cachet.store.jdbc.CertificateFixtures.NOW;
import static dev.cachet.store.jdbc.CertificateFixtures.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.CertificateStatus;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcCertificateStore} must do: reservation, issuance, revocation, lookup. */
class JdbcCertificateStoreTest extends StoreContract {
    private static final BigInteger SERIAL = new BigInteger("7f3a9c0e12b45d6e8f90a1b2c3d4e5f6", 16);
    private static final Identifier DNS = Identifier.dns("www.example.org");
    private static final Identifier IP = new Identifier(Identifier.Type.IP, "2001:db8::1");
    private static final Identifier EMAIL = new Identifier(Identifier.Type.EMAIL, "Admin@example.org");
    private static final byte[] DER = {0x30, (byte) 0x82, 0x01, 0x0a, 0x00, (byte) 0xff};

    JdbcCertificateStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcCertificateStore(dataSource(), CLOCK);
    }

    @Test
    void reserveThenFindReturnsEveryField() throws SQLException {
        CertificateReservation reservation = new CertificateReservation(SERIAL, ISSUER, "server",
                List.of(DNS, Identifier.dns("*.example.org"), IP, EMAIL), "acme:https://ca/acct/1",
                Instant.parse("2026-03-01T10:14:30Z"), Instant.parse("2026-05-30T10:14:29.999999Z"), DER);
        store.reserve(reservation);

        CertificateRecord found = store.find(SERIAL).orElseThrow();
        assertThat(found.serial()).isEqualTo(SERIAL);
        assertThat(found.issuerId()).isEqualTo(ISSUER);
        assertThat(found.status()).isEqualTo(CertificateStatus.RESERVED);
        assertThat(found.profile()).isEqualTo("server");
        assertThat(found.names()).containsExactlyElementsOf(reservation.names());
        assertThat(found.requester()).isEqualTo("acme:https://ca/acct/1");
        assertThat(found.notBefore()).isEqualTo(reservation.notBefore());
        assertThat(found.notAfter()).isEqualTo(reservation.notAfter());
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.certificate()).isEmpty();
        assertThat(found.revokedAt()).isEmpty();
        assertThat(found.revocationReason()).isEmpty();
        assertThat(lintCertificate(SERIAL)).isEqualTo(DER);
    }

    @Test
    void instantsAreKeptToTheMicrosecondFromFarPastToFarFuture() {
        Instant[][] cases = {
            {Instant.parse("1950-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z")},
            {Instant.parse("2026-03-01T10:15:30.000001Z"), Instant.parse("2049-12-31T23:59:59.999999Z")},
        };
        for (int i = 0; i < cases.length; i++) {
            store.reserve(new CertificateReservation(BigInteger.valueOf(i + 1), ISSUER, "server", List.of(DNS),
                    "cli", cases[i][0], cases[i][1], DER));
            CertificateRecord found = store.find(BigInteger.valueOf(i + 1)).orElseThrow();
            assertThat(List.of(found.notBefore(), found.notAfter())).containsExactly(cases[i]);
        }
        Instant nanos = Instant.parse("2026-03-01T10:15:30.123456789Z");
        store.reserve(new CertificateReservation(BigInteger.TEN, ISSUER, "server", List.of(), "cli", nanos,
                nanos, DER));
        assertThat(store.find(BigInteger.TEN).orElseThrow().notAfter())
                .isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
    }

    @Test
    void aTakenSerialIsAlreadyExistsAndTheFailedReservationLeavesNothing() {
        store.reserve(reservation(SERIAL, DNS));

        assertFails(ErrorType.ALREADY_EXISTS, () -> store.reserve(reservation(SERIAL, IP, EMAIL)));

        assertThat(store.find(SERIAL).orElseThrow().names()).containsExactly(DNS);
        assertThat(store.search(CertificateQueries.byName(IP.value()))).isEmpty();
    }

    @Test
    void aFailureAfterTheCertificateRowRollsBackTheWholeReservation() {
        Identifier tooLong = Identifier.dns("a".repeat(1001) + ".example");

        assertThatThrownBy(() -> store.reserve(reservation(SERIAL, DNS, tooLong)))
                .isInstanceOf(CachetException.class);

        assertThat(store.find(SERIAL)).isEmpty();
        assertThat(store.search(CertificateQueries.byName(DNS.value()))).isEmpty();
        store.reserve(reservation(SERIAL, DNS));
        assertThat(store.find(SERIAL).orElseThrow().names()).containsExactly(DNS);
    }

    @Test
    void recordIssuedStoresTheCertificateOnceAndIsIdempotentForTheSameBytes() {
        store.reserve(reservation(SERIAL, DNS));

        store.recordIssued(SERIAL, DER);
        store.recordIssued(SERIAL, DER.clone());

        CertificateRecord found = store.find(SERIAL).orElseThrow();
        assertThat(found.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(found.certificate()).hasValueSatisfying(der -> assertThat(der).isEqualTo(DER));
        assertFails(ErrorType.INTERNAL, () -> store.recordIssued(SERIAL, new byte[] {1, 2, 3}));
        assertThat(store.find(SERIAL).orElseThrow().certificate().orElseThrow()).isEqualTo(DER);
    }

    @Test
    void recordIssuedOfAnUnknownOrRevokedSerialFails() {
        assertFails(ErrorType.NOT_FOUND, () -> store.recordIssued(SERIAL, DER));

        store.reserve(reservation(SERIAL, DNS));
        store.revoke(SERIAL, RevocationReason.SUPERSEDED, NOW);

        assertFails(ErrorType.ALREADY_REVOKED, () -> store.recordIssued(SERIAL, DER));
        assertThat(store.find(SERIAL).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void revokeIsCompareAndSet() {
        store.reserve(reservation(SERIAL, DNS));
        store.recordIssued(SERIAL, DER);
        Instant at = Instant.parse("2026-04-01T08:00:00.654321Z");

        assertThat(store.revoke(SERIAL, RevocationReason.KEY_COMPROMISE, at)).isTrue();
        assertThat(store.revoke(SERIAL, RevocationReason.SUPERSEDED, at.plusSeconds(5))).isFalse();

        CertificateRecord found = store.find(SERIAL).orElseThrow();
        assertThat(found.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(found.revokedAt()).contains(at);
        assertThat(found.revocationReason()).contains(RevocationReason.KEY_COMPROMISE);
        assertThat(found.certificate().orElseThrow()).isEqualTo(DER);
    }

    @Test
    void aReservedSerialCanBeRevokedAndAnUnknownOneIsNotFound() {
        store.reserve(reservation(SERIAL, DNS));

        assertThat(store.revoke(SERIAL, RevocationReason.UNSPECIFIED, NOW)).isTrue();
        assertThat(store.find(SERIAL).orElseThrow().revocationReason()).contains(RevocationReason.UNSPECIFIED);
        assertFails(ErrorType.NOT_FOUND, () -> store.revoke(SERIAL.add(BigInteger.ONE),
                RevocationReason.KEY_COMPROMISE, NOW));
        assertThat(store.find(SERIAL.add(BigInteger.ONE))).isEmpty();
    }

    @Test
    void serialsMustBePositiveAndAtMostTwentyOctets() {
        BigInteger largest = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
        store.reserve(reservation(largest, DNS));
        assertThat(store.find(largest).orElseThrow().serial()).isEqualTo(largest);

        assertFails(ErrorType.MALFORMED, () -> store.reserve(reservation(largest.add(BigInteger.ONE), DNS)));
        assertFails(ErrorType.MALFORMED, () -> store.find(BigInteger.valueOf(-5)));
    }

    static void assertFails(ErrorType type, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).as(e.getMessage()).isEqualTo(type));
    }

    private byte[] lintCertificate(BigInteger serial) throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT lint_certificate FROM certificates WHERE serial = ?")) {
            select.setString(1, SerialKeys.key(serial));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }
}
