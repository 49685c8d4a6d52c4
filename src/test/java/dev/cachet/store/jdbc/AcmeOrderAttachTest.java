package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.AcmeFixtures.ACCOUNT;
import static dev.cachet.store.jdbc.AcmeFixtures.order;
import static dev.cachet.store.jdbc.AcmeFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.OrderStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linking a processing order to its reserved serial, for crash recovery: compare-and-set, status time kept. */
class AcmeOrderAttachTest extends AcmeStoreContract {

    @Test
    void onlyAProcessingOrderWithoutASerialIsLinkedAndItStaysStuckAsBefore() {
        AcmeOrderStore store = stores.orders();
        AcmeAuthorization first = pending("a1");
        AcmeAuthorization second = pending("a2");
        store.create(order("o-ready", ACCOUNT, OrderStatus.READY, List.of(first)), List.of(first));
        store.create(order("o-proc", ACCOUNT, OrderStatus.PROCESSING, List.of(second)), List.of(second));
        clock.advance(Duration.ofMinutes(1));

        assertThat(store.attachCertificate("o-ready", BigInteger.ONE)).isFalse();
        assertThat(store.attachCertificate("o-proc", BigInteger.TWO)).isTrue();
        assertThat(store.attachCertificate("o-proc", BigInteger.TEN)).isFalse();
        assertThat(store.attachCertificate("o-none", BigInteger.TEN)).isFalse();

        AcmeOrder linked = store.findOrder("o-proc").orElseThrow();
        assertThat(linked.status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(linked.certificateSerial()).isEqualTo(BigInteger.TWO);
        assertThat(store.stuckProcessing(AcmeStoreContract.NOW.plusSeconds(1), 10)).extracting(AcmeOrder::id)
                .containsExactly("o-proc");
        assertThat(store.findOrder("o-ready").orElseThrow().certificateSerial()).isNull();
        assertThat(store.complete("o-proc", BigInteger.TWO)).isTrue();
    }
}
