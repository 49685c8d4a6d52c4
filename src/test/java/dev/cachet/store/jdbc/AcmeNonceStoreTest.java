package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.acme.NonceStore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** What every {@link NonceStore} must do: one shared key, and a nonce redeemed once. */
class AcmeNonceStoreTest extends AcmeStoreContract {
    private static final int THREADS = 8;

    @Test
    void theFirstStoredKeyIsTheSharedOne() {
        NonceStore store = stores.nonces();
        byte[] first = {1, 2, 3, 4};

        assertThat(store.sharedKey(first)).isEqualTo(first);
        assertThat(store.sharedKey(new byte[] {9, 9, 9, 9})).isEqualTo(first);
    }

    @Test
    void aNonceIsRedeemedOnce() {
        NonceStore store = stores.nonces();

        assertThat(store.redeem("n1", NOW.plusSeconds(60))).isTrue();
        assertThat(store.redeem("n1", NOW.plusSeconds(60))).isFalse();
        assertThat(store.redeem("n2", NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void purgeDeletesTheExpiredOnlyInBoundedBatches() {
        NonceStore store = stores.nonces();
        store.redeem("old-1", NOW.minusSeconds(5));
        store.redeem("old-2", NOW.minusSeconds(4));
        store.redeem("old-3", NOW);
        store.redeem("fresh", NOW.plusSeconds(1));

        assertThat(store.purgeExpired(NOW, 2)).isEqualTo(2);
        assertThat(store.purgeExpired(NOW, 2)).isEqualTo(1);
        assertThat(store.purgeExpired(NOW, 2)).isZero();
        assertThat(store.redeem("fresh", NOW.plusSeconds(1))).as("still recorded as used").isFalse();
        assertThat(store.redeem("old-1", NOW.plusSeconds(60))).as("its record was purged").isTrue();
    }

    @Test
    void manyConcurrentRedeemsEachSucceedOncePerNonce() throws Exception {
        NonceStore store = stores.nonces();
        int rounds = 50;
        AtomicInteger own = new AtomicInteger();
        AtomicIntegerArray sharedWins = new AtomicIntegerArray(rounds);
        AtomicInteger next = new AtomicInteger();
        // Each thread redeems its own nonces and, in each round, the nonce every thread redeems.
        successes(THREADS, () -> {
            int thread = next.getAndIncrement();
            for (int i = 0; i < rounds; i++) {
                if (store.redeem("own-" + thread + "-" + i, NOW.plusSeconds(60))) {
                    own.incrementAndGet();
                }
                if (store.redeem("shared-" + i, NOW.plusSeconds(60))) {
                    sharedWins.incrementAndGet(i);
                }
            }
            return true;
        });

        assertThat(own).hasValue(THREADS * rounds);
        for (int i = 0; i < rounds; i++) {
            assertThat(sharedWins.get(i)).as("redeems of shared-%d that succeeded", i).isEqualTo(1);
        }
    }

    @Test
    void concurrentRedeemsOfOneNonceSucceedExactlyOnce() throws Exception {
        NonceStore store = stores.nonces();

        assertThat(successes(THREADS, () -> store.redeem("shared", NOW.plusSeconds(60)))).isEqualTo(1);
    }
}
