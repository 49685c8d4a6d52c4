package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.StoredCrl;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcCrlStore} must do: one CRL per number and issuer, the highest is the latest. */
class JdbcCrlStoreTest extends StoreContract {
    private static final Instant THIS_UPDATE = Instant.parse("2026-03-01T10:00:00.000001Z");

    @Test
    void theFirstSaveOfANumberWinsAndTheHighestNumberIsTheLatest() {
        JdbcCrlStore store = new JdbcCrlStore(dataSource());
        assertThat(store.latest("issuer-a")).isEmpty();

        assertThat(store.save(crl("issuer-a", 1, new byte[] {1}))).isTrue();
        assertThat(store.save(crl("issuer-a", 1, new byte[] {9}))).isFalse();
        assertThat(store.save(crl("issuer-a", 3, new byte[] {3}))).isTrue();
        assertThat(store.save(crl("issuer-a", 2, new byte[] {2}))).isTrue();
        assertThat(store.save(crl("issuer-b", 1, new byte[] {4}))).isTrue();

        StoredCrl latest = store.latest("issuer-a").orElseThrow();
        assertThat(latest.number()).isEqualTo(3);
        assertThat(latest.der()).containsExactly(3);
        assertThat(latest.thisUpdate()).isEqualTo(THIS_UPDATE);
        assertThat(latest.nextUpdate()).isEqualTo(THIS_UPDATE.plusSeconds(86_400));
        assertThat(store.latest("issuer-b").orElseThrow().der()).containsExactly(4);
    }

    @Test
    void twentyOctetNumbersAndLargeCrlsRoundTrip() {
        JdbcCrlStore store = new JdbcCrlStore(dataSource());
        BigInteger largest = BigInteger.ONE.shiftLeft(159);
        byte[] der = new byte[3 * 1024 * 1024];
        Arrays.fill(der, (byte) 0x5a);

        assertThat(store.save(new StoredCrl("issuer-a", BigInteger.valueOf(Long.MAX_VALUE), THIS_UPDATE,
                THIS_UPDATE, new byte[] {1}))).isTrue();
        assertThat(store.save(new StoredCrl("issuer-a", largest, THIS_UPDATE, THIS_UPDATE, der))).isTrue();

        StoredCrl latest = store.latest("issuer-a").orElseThrow();
        assertThat(latest.number()).isEqualTo(largest);
        assertThat(latest.der()).isEqualTo(der);
    }

    private static StoredCrl crl(String issuer, long number, byte[] der) {
        return new StoredCrl(issuer, BigInteger.valueOf(number), THIS_UPDATE, THIS_UPDATE.plusSeconds(86_400), der);
    }
}
