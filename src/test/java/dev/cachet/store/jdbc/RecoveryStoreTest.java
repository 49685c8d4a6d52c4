package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.CertificateFixtures.NOW;
import static dev.cachet.store.jdbc.CertificateFixtures.reservation;
import static dev.cachet.store.jdbc.JdbcCertificateStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.testing.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The certificate store's part in crash recovery, on H2 and PostgreSQL: stale reservations and UNISSUED. */
class RecoveryStoreTest extends StoreContract {
    private static final Identifier DNS = Identifier.dns("www.example.org");
    private static final byte[] DER = {0x30, 0x03, 0x02, 0x01, 0x01};

    private final MutableClock clock = new MutableClock(NOW);
    private JdbcCertificateStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcCertificateStore(dataSource(), clock);
    }

    @Test
    void staleReservationsAreTheReservedOnesOlderThanTheCutoffOldestFirst() {
        store.reserve(reservation(BigInteger.valueOf(9), DNS));
        clock.advance(Duration.ofSeconds(1));
        store.reserve(reservation(BigInteger.valueOf(3), DNS));
        store.reserve(reservation(BigInteger.valueOf(4), DNS));
        store.recordIssued(BigInteger.valueOf(4), DER);
        clock.advance(Duration.ofSeconds(1));
        store.reserve(reservation(BigInteger.valueOf(1), DNS));

        assertThat(store.staleReservations(NOW.plusSeconds(2), 10)).extracting(CertificateRecord::serial)
                .containsExactly(BigInteger.valueOf(9), BigInteger.valueOf(3));
        assertThat(store.staleReservations(NOW.plusSeconds(2), 1)).extracting(CertificateRecord::serial)
                .containsExactly(BigInteger.valueOf(9));
        assertThat(store.staleReservations(NOW, 10)).isEmpty();
    }

    @Test
    void markUnissuedIsCompareAndSetOnStatusAndAgeAndFencesTheStoreStep() {
        BigInteger serial = BigInteger.valueOf(77);
        store.reserve(reservation(serial, DNS));
        Instant justAfter = NOW.plusNanos(1000);

        assertThat(store.markUnissued(serial, NOW)).isFalse();
        assertThat(store.markUnissued(serial, justAfter)).isTrue();
        assertThat(store.markUnissued(serial, justAfter)).isFalse();

        assertThat(store.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.UNISSUED);
        assertFails(ErrorType.INTERNAL, () -> store.recordIssued(serial, DER));
        assertFails(ErrorType.NOT_FOUND, () -> store.revoke(serial, RevocationReason.UNSPECIFIED, NOW));
        CertificateRecord record = store.find(serial).orElseThrow();
        assertThat(record.status()).isEqualTo(CertificateStatus.UNISSUED);
        assertThat(record.certificate()).isEmpty();
        assertThat(store.staleReservations(justAfter, 10)).isEmpty();
    }

    @Test
    void anIssuedCertificateIsNeverMarkedUnissued() {
        BigInteger serial = BigInteger.valueOf(78);
        store.reserve(reservation(serial, DNS));
        store.recordIssued(serial, DER);

        assertThat(store.markUnissued(serial, NOW.plusSeconds(60))).isFalse();
        assertThat(store.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.ISSUED);
    }
}
