package dev.cachet.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.OrderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ready derived on read, not written, and finalize from a stored pending or (older) ready order. */
class FinalizeServiceTest {
    private AcmeServicesFixture acme;
    private AcmeAccount account;

    @BeforeEach
    void start() {
        acme = new AcmeServicesFixture(new RateLimits(0, 0, 0, 0));
        account = acme.account();
    }

    @AfterEach
    void close() {
        acme.close();
    }

    @Test
    void aReadyOrderStaysStoredAsPendingAndFinalizeMakesItValidInTheStore() {
        AcmeOrder ready = acme.validate(account, acme.order(account, "www.example.org"), true);

        assertThat(ready.status()).isEqualTo(OrderStatus.READY);
        assertThat(stored(ready).status()).isEqualTo(OrderStatus.PENDING);
        AcmeOrder valid = acme.finalizeOrder(account, ready);

        assertThat(valid.status()).isEqualTo(OrderStatus.VALID);
        assertThat(valid.certificateSerial()).isNotNull();
        assertThat(stored(valid)).isEqualTo(valid);
        assertThat(acme.ca.certificates().find(valid.certificateSerial())).isPresent();
    }

    @Test
    void anOrderStoredReadyByAnOlderVersionIsFinalizedToo() {
        AcmeOrder ready = acme.validate(account, acme.order(account, "old.example.org"), true);
        assertThat(acme.orderStore.transition(ready.id(), OrderStatus.PENDING, OrderStatus.READY)).isTrue();

        AcmeOrder valid = acme.finalizeOrder(account, acme.orders.find(account, ready.id()));

        assertThat(stored(valid).status()).isEqualTo(OrderStatus.VALID);
        assertThat(stored(valid).certificateSerial()).isEqualTo(valid.certificateSerial());
    }

    @Test
    void aSecondFinalizeIsRefusedAndIssuesNothing() {
        AcmeOrder ready = acme.validate(account, acme.order(account, "twice.example.org"), true);
        AcmeOrder valid = acme.finalizeOrder(account, ready);
        int issued = acme.ca.certificates().size();

        CachetException e = catchThrowableOfType(CachetException.class, () -> acme.finalizeOrder(account, ready));

        assertThat(e.type()).isEqualTo(ErrorType.ORDER_NOT_READY);
        assertThat(e.getMessage()).contains("the order is valid");
        assertThat(acme.ca.certificates().size()).isEqualTo(issued);
        assertThat(stored(valid).certificateSerial()).isEqualTo(valid.certificateSerial());
    }

    private AcmeOrder stored(AcmeOrder order) {
        return acme.orderStore.findOrder(order.id()).orElseThrow();
    }
}
