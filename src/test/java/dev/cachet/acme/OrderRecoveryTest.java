package dev.cachet.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.Identifier;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.OrderStatus;
import dev.cachet.testing.InMemoryAcmeOrderStore;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.InMemoryCertificateStore;
import dev.cachet.testing.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders left processing by a crash: valid with their stored certificate, else invalid (serverInternal). */
class OrderRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final byte[] DER = {0x30, 0x03, 0x02, 0x01, 0x01};

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryAcmeOrderStore orders = new InMemoryAcmeOrderStore(clock);
    private final InMemoryCertificateStore certificates = new InMemoryCertificateStore(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final OrderRecovery recovery = new OrderRecovery(orders, certificates, audit, clock, GRACE);

    @Test
    void eachStuckOrderEndsAsItsCertificateSays() {
        processing("stored", BigInteger.valueOf(1));
        certificates.recordIssued(BigInteger.ONE, DER);
        processing("not-linked", null);
        processing("reserved", BigInteger.valueOf(2));
        processing("unissued", BigInteger.valueOf(3));
        clock.advance(GRACE.plusSeconds(1));
        certificates.markUnissued(BigInteger.valueOf(3), clock.instant().minus(GRACE));
        processing("young", null);

        OrderRecovery.Result result = recovery.run();

        assertThat(result).isEqualTo(new OrderRecovery.Result(1, 2));
        AcmeOrder stored = orders.findOrder("stored").orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.VALID);
        assertThat(stored.certificateSerial()).isEqualTo(BigInteger.ONE);
        for (String id : List.of("not-linked", "unissued")) {
            AcmeOrder failed = orders.findOrder(id).orElseThrow();
            assertThat(failed.status()).isEqualTo(OrderStatus.INVALID);
            assertThat(failed.error().type()).isEqualTo("serverInternal");
            assertThat(failed.error().detail()).contains("place a new order");
        }
        // Still reserved: settled once ReservationRecovery has marked the serial; young: in flight.
        assertThat(orders.findOrder("reserved").orElseThrow().status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(orders.findOrder("young").orElseThrow().status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(audit.recent(10)).extracting(AuditEvent::action).containsOnly("order.recovered").hasSize(3);
        assertThat(recovery.run()).isEqualTo(new OrderRecovery.Result(0, 0));
    }

    @Test
    void aFinalizerLinkingLateFindsTheOrderFailed() {
        processing("late", null);
        clock.advance(GRACE.plusSeconds(1));
        recovery.run();

        assertThat(orders.attachCertificate("late", BigInteger.TEN)).isFalse();
    }

    private void processing(String id, BigInteger serial) {
        AcmeAuthorization authorization = new AcmeAuthorization("authz-" + id, "acct", Identifier.dns(id + ".test"),
                false, AuthorizationStatus.VALID, NOW.plus(Duration.ofDays(30)), List.of());
        orders.create(new AcmeOrder(id, "acct", OrderStatus.PROCESSING, List.of(authorization.identifier()),
                List.of(authorization.id()), NOW.plus(Duration.ofDays(7)), null, null, "classic", null, null, null,
                clock.instant()), List.of(authorization));
        if (serial != null) {
            certificates.reserve(new CertificateReservation(serial, "issuer", "tls-server",
                    List.of(authorization.identifier()), "acct-url", NOW, NOW.plus(Duration.ofDays(90)), DER));
            assertThat(orders.attachCertificate(id, serial)).isTrue();
            assertThat(orders.attachCertificate(id, serial)).isFalse();
        }
    }
}
