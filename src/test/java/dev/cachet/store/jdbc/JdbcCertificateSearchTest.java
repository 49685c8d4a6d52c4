package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.CertificateFixtures.CLOCK;
import static dev.cachet.store.jdbc.CertificateFixtures.ISSUER;
import static dev.cachet.store.jdbc.CertificateFixtures.NOW;
import static dev.cachet.store.jdbc.CertificateFixtures.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.RevokedEntry;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcCertificateStore} must do: search with keyset pages and the CRL stream. */
class JdbcCertificateSearchTest extends StoreContract {
    private static final Instant SOON = NOW.plusSeconds(86_400);
    private static final Instant LATER = NOW.plusSeconds(90 * 86_400L);

    @Test
    void searchFiltersByStatusExpiryAndName() {
        JdbcCertificateStore store = new JdbcCertificateStore(dataSource(), CLOCK);
        store.reserve(reservation(BigInteger.ONE, ISSUER, SOON, Identifier.dns("a.example")));
        store.reserve(reservation(BigInteger.TWO, ISSUER, LATER, Identifier.dns("a.example"),
                Identifier.dns("b.example")));
        store.reserve(reservation(BigInteger.TEN, ISSUER, LATER, Identifier.dns("c.example")));
        store.recordIssued(BigInteger.TWO, new byte[] {2});
        store.revoke(BigInteger.TEN, RevocationReason.KEY_COMPROMISE, NOW);

        assertThat(serials(store.search(CertificateQueries.byStatus(CertificateStatus.ISSUED)))).containsExactly(2);
        assertThat(serials(store.search(CertificateQueries.byStatus(CertificateStatus.REVOKED)))).containsExactly(10);
        assertThat(serials(store.search(CertificateQueries.expiringBefore(SOON.plusSeconds(1))))).containsExactly(1);
        assertThat(serials(store.search(CertificateQueries.expiringBefore(SOON)))).isEmpty();
        assertThat(serials(store.search(CertificateQueries.byName("a.example")))).containsExactly(1, 2);
        assertThat(serials(store.search(CertificateQueries.byName("A.example")))).isEmpty();
        CertificateQuery combined = new CertificateQuery(Optional.of(CertificateStatus.RESERVED),
                Optional.of(LATER.plusSeconds(1)), Optional.of("a.example"), Optional.empty(), 10);
        assertThat(store.search(combined)).singleElement().satisfies(r -> {
            assertThat(r.serial()).isEqualTo(BigInteger.ONE);
            assertThat(r.names()).containsExactly(Identifier.dns("a.example"));
        });
        assertThat(store.search(CertificateQueries.byName("a.example")).get(1).names())
                .containsExactly(Identifier.dns("a.example"), Identifier.dns("b.example"));
    }

    @Test
    void pagesFollowTheNumericOrderOfSerialsOfEveryLength() {
        JdbcCertificateStore store = new JdbcCertificateStore(dataSource(), CLOCK);
        List<BigInteger> serials = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.valueOf(0xf),
                BigInteger.valueOf(0x10), BigInteger.valueOf(0xa0), BigInteger.valueOf(0xff), BigInteger.valueOf(0x100),
                new BigInteger("fffffffffffffff", 16), new BigInteger("1000000000000000", 16),
                new BigInteger("9", 16).shiftLeft(120), BigInteger.ONE.shiftLeft(159)));
        Collections.shuffle(serials, new Random(7));
        serials.forEach(s -> store.reserve(reservation(s, Identifier.dns("shared.example"))));

        List<BigInteger> seen = new ArrayList<>();
        Optional<BigInteger> after = Optional.empty();
        List<CertificateRecord> page;
        do {
            page = store.search(CertificateQueries.page(after, 3));
            assertThat(page.size()).isLessThanOrEqualTo(3);
            page.forEach(r -> seen.add(r.serial()));
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).serial());
        } while (!page.isEmpty());

        assertThat(seen).containsExactlyElementsOf(new TreeSet<>(serials));
        assertThat(store.search(new CertificateQuery(Optional.empty(), Optional.empty(),
                Optional.of("shared.example"), Optional.of(BigInteger.valueOf(0xff)), 2)))
                .extracting(CertificateRecord::serial)
                .containsExactly(BigInteger.valueOf(0x100), new BigInteger("fffffffffffffff", 16));
    }

    @Test
    void forEachRevokedStreamsEveryRevokedUnexpiredCertificateOfTheIssuerInOrder() throws SQLException {
        List<BigInteger> revoked = CertificateFixtures.insertRevokedSeries(dataSource(), 20_000, ISSUER, LATER);
        BigInteger expired = BigInteger.ONE.shiftLeft(150);
        CertificateFixtures.insertRevoked(dataSource(), List.of(expired), ISSUER, NOW.minusSeconds(1));
        CertificateFixtures.insertRevoked(dataSource(), List.of(expired.add(BigInteger.ONE)), "other", LATER);
        JdbcCertificateStore store = new JdbcCertificateStore(dataSource(), CLOCK);
        store.reserve(reservation(expired.add(BigInteger.TWO), ISSUER, LATER));
        store.reserve(reservation(expired.add(BigInteger.TEN), ISSUER, LATER));
        store.revoke(expired.add(BigInteger.TEN), RevocationReason.CA_COMPROMISE, NOW.plusNanos(7_000));
        List<BigInteger> expected = new ArrayList<>(revoked);
        expected.add(expired.add(BigInteger.TEN));

        List<RevokedEntry> entries = new ArrayList<>();
        store.forEachRevoked(ISSUER, NOW, entries::add);

        assertThat(entries).hasSize(20_001);
        assertThat(entries.stream().map(RevokedEntry::serial).collect(Collectors.toList())).isEqualTo(expected);
        assertThat(entries.get(0)).isEqualTo(new RevokedEntry(revoked.get(0), NOW, RevocationReason.KEY_COMPROMISE));
        assertThat(entries.get(20_000)).isEqualTo(new RevokedEntry(expired.add(BigInteger.TEN),
                NOW.plusNanos(7_000), RevocationReason.CA_COMPROMISE));
    }

    @Test
    void forEachRevokedReadsWithAForwardOnlyCursorInATransaction() throws SQLException {
        CertificateFixtures.insertRevoked(dataSource(), List.of(BigInteger.ONE, BigInteger.TWO), ISSUER, LATER);
        StatementSpy spy = new StatementSpy(dataSource());

        List<BigInteger> serials = new ArrayList<>();
        new JdbcCertificateStore(spy.dataSource(), CLOCK).forEachRevoked(ISSUER, NOW, e -> serials.add(e.serial()));

        assertThat(serials).containsExactly(BigInteger.ONE, BigInteger.TWO);
        assertThat(spy.queries()).singleElement().satisfies(q -> {
            assertThat(q.fetchSize()).isEqualTo(RevokedCursor.FETCH_SIZE);
            assertThat(q.forwardOnly()).isTrue();
            assertThat(q.autoCommit()).isFalse();
        });
    }

    @Test
    void aFailingSinkStopsTheStreamAndLeavesTheStoreUsable() throws SQLException {
        CertificateFixtures.insertRevoked(dataSource(), List.of(BigInteger.ONE, BigInteger.TWO), ISSUER, LATER);
        JdbcCertificateStore store = new JdbcCertificateStore(dataSource(), CLOCK);
        IllegalStateException stop = new IllegalStateException("stop");

        assertThatThrownBy(() -> store.forEachRevoked(ISSUER, NOW, e -> {
            throw stop;
        })).isSameAs(stop);

        List<RevokedEntry> entries = new ArrayList<>();
        store.forEachRevoked(ISSUER, NOW, entries::add);
        assertThat(entries).hasSize(2);
    }

    private static List<Integer> serials(List<CertificateRecord> records) {
        return records.stream().map(r -> r.serial().intValueExact()).collect(Collectors.toList());
    }
}
