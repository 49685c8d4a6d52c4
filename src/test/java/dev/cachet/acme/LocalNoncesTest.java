package dev.cachet.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.acme.LocalNonces.Outcome;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The in-memory window of a process's own nonces: each counter once, the latest 2^bits only. */
class LocalNoncesTest {
    private final LocalNonces nonces = new LocalNonces(new SecureRandom(), 6);

    @Test
    void eachCounterIsFreshOnceInAnyOrder() {
        long first = nonces.next();
        long second = nonces.next();

        assertThat(nonces.redeem(second)).isEqualTo(Outcome.FRESH);
        assertThat(nonces.redeem(first)).isEqualTo(Outcome.FRESH);
        assertThat(nonces.redeem(second)).isEqualTo(Outcome.USED);
        assertThat(nonces.redeem(first)).isEqualTo(Outcome.USED);
    }

    @Test
    void aSlotReusedByANewerCounterStartsUnused() {
        long old = nonces.next();
        assertThat(nonces.redeem(old)).isEqualTo(Outcome.FRESH);
        long newer = old;
        for (int i = 0; i < 64; i++) {
            newer = nonces.next();
        }

        assertThat(nonces.redeem(newer)).as("same slot as the used one").isEqualTo(Outcome.FRESH);
        assertThat(nonces.redeem(old)).isEqualTo(Outcome.TOO_OLD);
    }

    @Test
    void countersNeverHandedOutAreRefused() {
        assertThat(nonces.redeem(0)).isEqualTo(Outcome.TOO_OLD);
        assertThat(nonces.redeem(-1)).isEqualTo(Outcome.TOO_OLD);
    }

    @Test
    void prefixesDifferPerBootAndAreCopied() {
        LocalNonces other = new LocalNonces(new SecureRandom(), 6);
        byte[] prefix = nonces.prefix();

        assertThat(nonces.isOwn(prefix)).isTrue();
        assertThat(other.isOwn(prefix)).isFalse();
        prefix[0] ^= 1;
        assertThat(nonces.isOwn(nonces.prefix())).isTrue();
    }

    @Test
    void windowSizeIsBounded() {
        assertThatThrownBy(() -> new LocalNonces(new SecureRandom(), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalNonces(new SecureRandom(), 31)).isInstanceOf(IllegalArgumentException.class);
    }
}
