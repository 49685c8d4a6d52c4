package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.JdbcCertificateStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.NonceStore;
import org.junit.jupiter.api.Test;

/** What every {@link NonceStore} must do: a nonce is good once, and only before it expires. */
class AcmeNonceStoreTest extends AcmeStoreContract {
    private static final int THREADS = 8;

    @Test
    void aNonceIsRedeemedOnceBeforeItExpires() {
        NonceStore store = stores.nonces();
        store.issue("n1", NOW.plusSeconds(60));
        store.issue("n2", NOW.plusSeconds(60));

        assertThat(store.redeem("n1", NOW)).isTrue();
        assertThat(store.redeem("n1", NOW)).isFalse();
        assertThat(store.redeem("never-issued", NOW)).isFalse();
        assertThat(store.redeem("n2", NOW.plusSeconds(60))).isFalse();
        assertThat(store.redeem("n2", NOW.plusSeconds(59))).isTrue();
    }

    @Test
    void aNonceIsIssuedOnce() {
        NonceStore store = stores.nonces();
        store.issue("n1", NOW.plusSeconds(60));

        assertFails(ErrorType.ALREADY_EXISTS, () -> store.issue("n1", NOW.plusSeconds(120)));
        assertThat(store.redeem("n1", NOW.plusSeconds(90))).isFalse();
    }

    @Test
    void instantsCountToTheMicrosecond() {
        NonceStore store = stores.nonces();
        store.issue("n1", NOW.plusNanos(900));

        assertThat(store.redeem("n1", NOW.plusNanos(100))).isFalse();
        assertThat(store.redeem("n1", NOW.minusNanos(100))).isTrue();
    }

    @Test
    void purgeDeletesTheExpiredOnlyAndCountsThem() {
        NonceStore store = stores.nonces();
        store.issue("old-1", NOW.minusSeconds(5));
        store.issue("old-2", NOW);
        store.issue("fresh", NOW.plusSeconds(1));

        assertThat(store.purgeExpired(NOW)).isEqualTo(2);
        assertThat(store.purgeExpired(NOW)).isZero();
        assertThat(store.redeem("fresh", NOW)).isTrue();
    }

    @Test
    void concurrentRedeemsOfOneNonceSucceedExactlyOnce() throws Exception {
        NonceStore store = stores.nonces();
        store.issue("shared", NOW.plusSeconds(60));

        assertThat(successes(THREADS, () -> store.redeem("shared", NOW))).isEqualTo(1);
    }
}
