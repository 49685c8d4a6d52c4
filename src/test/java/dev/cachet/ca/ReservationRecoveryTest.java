package dev.cachet.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.UnitOfWork;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.InMemoryCertificateStore;
import dev.cachet.testing.MutableClock;
import dev.cachet.testing.TestCa;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * A crash between recording a serial and storing its certificate, simulated by a failure right
 * after the reservation: recovery marks the serial never issued once the grace period has passed,
 * and an issuance that is only slow is fenced (it fails instead of handing out its certificate).
 */
class ReservationRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final TestCa CA = TestCa.create(KeyType.EC_P256,
            Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC));

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryCertificateStore certificates = new InMemoryCertificateStore(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final LeafIssuer issuer = new LeafIssuer(CA.issuer(), new StoreJournal(certificates, audit,
            UnitOfWork.EACH_ON_ITS_OWN, clock), new SecureRandom(), clock);
    private final ReservationRecovery recovery = new ReservationRecovery(certificates, audit, clock, GRACE);

    @Test
    void aReservationCutShortBecomesUnissuedAfterTheGracePeriodOnly() {
        BigInteger lost = crashAfterReservation();
        clock.advance(Duration.ofMinutes(1));
        BigInteger issued = issuer.issue(request(), "test").serial();

        clock.advance(GRACE.minusMinutes(1));
        assertThat(recovery.run()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(recovery.run()).isEqualTo(1);
        assertThat(recovery.run()).isZero();

        assertThat(status(lost)).isEqualTo(CertificateStatus.UNISSUED);
        assertThat(certificates.find(lost).orElseThrow().certificate()).isEmpty();
        assertThat(status(issued)).isEqualTo(CertificateStatus.ISSUED);
        AuditEvent event = audit.recent(1).get(0);
        assertThat(event.action()).isEqualTo("certificate.unissued");
        assertThat(event.subject()).isEqualTo(lost.toString(16));
        assertThat(event.actor()).isEqualTo("system");
    }

    @Test
    void aSlowIssuanceOvertakenByRecoveryFailsWithoutItsCertificate() {
        AtomicReference<BigInteger> reserved = new AtomicReference<>();

        assertThatThrownBy(() -> issuer.issue(request(), "test", IssuanceLinks.onReserved(serial -> {
            reserved.set(serial);
            clock.advance(GRACE.plusSeconds(1));
            assertThat(recovery.run()).isEqualTo(1);
        }))).isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INTERNAL))
                .hasMessageContaining("never issued");

        CertificateRecord record = certificates.find(reserved.get()).orElseThrow();
        assertThat(record.status()).isEqualTo(CertificateStatus.UNISSUED);
        assertThat(record.certificate()).isEmpty();
    }

    @Test
    void anUnissuedSerialCannotBeRevoked() {
        BigInteger lost = crashAfterReservation();
        clock.advance(GRACE.plusSeconds(1));
        recovery.run();

        assertThatThrownBy(() -> certificates.revoke(lost, RevocationReason.UNSPECIFIED, NOW))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.NOT_FOUND));
    }

    private BigInteger crashAfterReservation() {
        AtomicReference<BigInteger> reserved = new AtomicReference<>();
        assertThatThrownBy(() -> issuer.issue(request(), "test", IssuanceLinks.onReserved(serial -> {
            reserved.set(serial);
            throw new IllegalStateException("crash");
        }))).hasMessage("crash");
        assertThat(status(reserved.get())).isEqualTo(CertificateStatus.RESERVED);
        return reserved.get();
    }

    private CertificateStatus status(BigInteger serial) {
        return certificates.find(serial).orElseThrow().status();
    }

    private static IssuanceRequest request() {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(new KeyPairFactory(new SecureRandom())
                .generate(KeyType.EC_P256).getPublic().getEncoded());
        return new IssuanceRequest(key, List.of(Identifier.dns("example.org")), Optional.empty(),
                Profiles.require("tls-server"), OptionalInt.empty());
    }
}
