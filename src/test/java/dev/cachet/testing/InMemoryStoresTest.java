package dev.cachet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.RevokedEntry;
import dev.cachet.store.StoredCrl;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final InMemoryCertificateStore store = new InMemoryCertificateStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSerialIsReservedOnceThenIssuedThenRevokedOnce() {
        reserve(5, "a", NOW.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> reserve(5, "a", NOW)).isInstanceOf(CachetException.class)
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.ALREADY_EXISTS));

        store.recordIssued(BigInteger.valueOf(5), new byte[] {1, 2});
        CertificateRecord issued = store.find(BigInteger.valueOf(5)).orElseThrow();
        assertThat(issued.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(issued.certificate()).hasValueSatisfying(c -> assertThat(c).containsExactly(1, 2));
        assertThat(issued.createdAt()).isEqualTo(NOW);

        assertThat(store.revoke(BigInteger.valueOf(5), RevocationReason.KEY_COMPROMISE, NOW)).isTrue();
        assertThat(store.revoke(BigInteger.valueOf(5), RevocationReason.SUPERSEDED, NOW)).isFalse();
        assertThat(store.revoke(BigInteger.valueOf(6), RevocationReason.SUPERSEDED, NOW)).isFalse();
        assertThat(store.find(BigInteger.valueOf(5)).orElseThrow().revocationReason())
                .contains(RevocationReason.KEY_COMPROMISE);
        assertThatThrownBy(() -> store.recordIssued(BigInteger.valueOf(7), new byte[0]))
                .isInstanceOf(CachetException.class);
    }

    @Test
    void concurrentRevocationsSucceedExactlyOnce() throws Exception {
        reserve(9, "a", NOW);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> store.revoke(BigInteger.valueOf(9), RevocationReason.SUPERSEDED, NOW)));
            }
            int revoked = 0;
            for (Future<Boolean> result : results) {
                revoked += result.get() ? 1 : 0;
            }
            assertThat(revoked).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void revokedEntriesStreamBySerialForOneIssuerWithoutTheExpired() {
        reserve(30, "a", NOW.plusSeconds(1));
        reserve(10, "a", NOW);
        reserve(20, "a", NOW.minusSeconds(1));
        reserve(40, "b", NOW.plusSeconds(1));
        reserve(50, "a", NOW.plusSeconds(1));
        for (int serial : new int[] {10, 20, 30, 40}) {
            store.revoke(BigInteger.valueOf(serial), RevocationReason.KEY_COMPROMISE, NOW);
        }

        List<RevokedEntry> entries = new ArrayList<>();
        store.forEachRevoked("a", NOW, entries::add);

        assertThat(entries).extracting(RevokedEntry::serial).containsExactly(BigInteger.TEN, BigInteger.valueOf(30));
    }

    @Test
    void searchFiltersAndPagesBySerial() {
        reserve(1, "a", NOW);
        reserve(2, "a", NOW.plusSeconds(10));
        reserve(3, "a", NOW.plusSeconds(20));
        store.revoke(BigInteger.TWO, RevocationReason.SUPERSEDED, NOW);

        assertThat(store.search(new CertificateQuery(Optional.of(CertificateStatus.RESERVED), Optional.empty(),
                Optional.empty(), Optional.of(BigInteger.ONE), 10))).extracting(CertificateRecord::serial)
                .containsExactly(BigInteger.valueOf(3));
        assertThat(store.search(new CertificateQuery(Optional.empty(), Optional.of(NOW.plusSeconds(15)),
                Optional.of("host.example"), Optional.empty(), 1))).extracting(CertificateRecord::serial)
                .containsExactly(BigInteger.ONE);
    }

    @Test
    void aCrlNumberIsSavedOnlyOnce() {
        InMemoryCrlStore crls = new InMemoryCrlStore();
        StoredCrl first = new StoredCrl("a", BigInteger.ONE, NOW, NOW.plusSeconds(60), new byte[] {1});

        assertThat(crls.latest("a")).isEmpty();
        assertThat(crls.save(first)).isTrue();
        assertThat(crls.save(new StoredCrl("a", BigInteger.ONE, NOW, NOW, new byte[] {2}))).isFalse();
        assertThat(crls.save(new StoredCrl("a", BigInteger.TWO, NOW, NOW, new byte[] {3}))).isTrue();
        assertThat(crls.latest("a").orElseThrow().der()).containsExactly(3);
        assertThat(crls.latest("b")).isEmpty();
    }

    private void reserve(int serial, String issuerId, Instant notAfter) {
        store.reserve(new CertificateReservation(BigInteger.valueOf(serial), issuerId, "tls-server",
                List.of(Identifier.dns("host.example")), "test", NOW.minusSeconds(60), notAfter, new byte[0]));
    }
}
