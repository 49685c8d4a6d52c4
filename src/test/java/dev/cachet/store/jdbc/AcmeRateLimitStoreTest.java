package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.AcmeFixtures.ACCOUNT;
import static dev.cachet.store.jdbc.AcmeFixtures.EXPIRES;
import static dev.cachet.store.jdbc.AcmeFixtures.givenAuthorizations;
import static dev.cachet.store.jdbc.AcmeFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.OrderStatus;
import dev.cachet.store.acme.RateLimitStore;
import dev.cachet.store.acme.RateLimitStore.Event;
import dev.cachet.store.acme.RateLimitStore.Kind;
import dev.cachet.store.acme.RateLimitStore.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimitStore} must answer: the n-th newest event of a subject, counted strictly after a time. */
class AcmeRateLimitStoreTest extends AcmeStoreContract {
    private static final Instant T1 = NOW.plusSeconds(10);
    private static final Instant T2 = NOW.plusSeconds(20);

    @Test
    void theNthNewestEventOfAKindAndSubjectAfterATime() {
        RateLimitStore store = stores.rateLimits();
        store.record(List.of(new Event(Kind.CERTIFICATE, "dns:example.org", NOW),
                new Event(Kind.CERTIFICATE, "dns:example.org", T2), new Event(Kind.CERTIFICATE, "dns:example.net", T1),
                new Event(Kind.CERTIFICATE_NAMES, "dns:example.org", T1)));
        store.record(List.of(new Event(Kind.CERTIFICATE, "dns:example.org", T1)));
        Instant before = NOW.minusSeconds(1);

        assertThat(store.nthNewest(List.of(probe(Kind.CERTIFICATE, "dns:example.org", before, 1),
                probe(Kind.CERTIFICATE, "dns:example.org", before, 2),
                probe(Kind.CERTIFICATE, "dns:example.org", before, 3),
                probe(Kind.CERTIFICATE, "dns:example.org", before, 4),
                probe(Kind.CERTIFICATE, "dns:example.org", NOW, 2),
                probe(Kind.CERTIFICATE, "dns:example.org", NOW, 3),
                probe(Kind.ACCOUNT, "dns:example.org", before, 1),
                probe(Kind.CERTIFICATE, "dns:example.com", before, 1))))
                .containsExactly(Optional.of(T2), Optional.of(T1), Optional.of(NOW), Optional.empty(),
                        Optional.of(T1), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(store.nthNewest(List.of())).isEmpty();
    }

    @Test
    void purgeDeletesTheOldestEventsOfAKindBeforeATimeUpToALimit() {
        RateLimitStore store = stores.rateLimits();
        store.record(List.of(new Event(Kind.ACCOUNT, "192.0.2.1", NOW), new Event(Kind.ACCOUNT, "192.0.2.2", T1),
                new Event(Kind.ACCOUNT, "192.0.2.3", T2), new Event(Kind.CERTIFICATE, "dns:example.org", NOW)));

        assertThat(store.purge(Kind.ACCOUNT, T2, 1)).isEqualTo(1);
        assertThat(store.purge(Kind.ACCOUNT, T2, 10)).isEqualTo(1);
        assertThat(store.purge(Kind.ACCOUNT, T2, 10)).isZero();

        Instant before = NOW.minusSeconds(1);
        assertThat(store.nthNewest(List.of(probe(Kind.ACCOUNT, "192.0.2.1", before, 1),
                probe(Kind.ACCOUNT, "192.0.2.2", before, 1), probe(Kind.ACCOUNT, "192.0.2.3", before, 1),
                probe(Kind.CERTIFICATE, "dns:example.org", before, 1))))
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of(T2), Optional.of(NOW));
    }

    @Test
    void ordersAreCountedFromTheOrdersOfTheAccount() {
        givenAuthorizations(stores.orders(), pending("a1"));
        for (Instant at : List.of(T1, T2)) {
            stores.orders().create(new AcmeOrder("o-" + at.getEpochSecond(), ACCOUNT, OrderStatus.INVALID,
                    List.of(pending("a1").identifier()), List.of("a1"), EXPIRES, null, null, "server", null, null,
                    null, at), List.of());
        }
        stores.rateLimits().record(List.of(new Event(Kind.ACCOUNT, ACCOUNT, T2.plusSeconds(1))));

        assertThat(stores.rateLimits().nthNewest(List.of(probe(Kind.ORDER, ACCOUNT, NOW, 1),
                probe(Kind.ORDER, ACCOUNT, NOW, 2), probe(Kind.ORDER, ACCOUNT, NOW.minusSeconds(1), 3),
                probe(Kind.ORDER, ACCOUNT, T1, 2), probe(Kind.ORDER, "acct-other", NOW.minusSeconds(1), 1))))
                .containsExactly(Optional.of(T2), Optional.of(T1), Optional.of(NOW), Optional.empty(),
                        Optional.empty());
    }

    @Test
    void manyProbesGoOutTogetherAndInstantsAreKeptToTheMicrosecond() {
        RateLimitStore store = stores.rateLimits();
        List<Event> events = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String subject = ACCOUNT + " dns:host" + i + ".example";
            events.add(new Event(Kind.FAILED_VALIDATION, subject, NOW.plusNanos(1999)));
            probes.add(probe(Kind.FAILED_VALIDATION, subject, NOW.plusNanos(i % 2 == 0 ? 999 : 2000), 1));
        }
        store.record(events);

        List<Optional<Instant>> answers = store.nthNewest(probes);

        assertThat(answers).hasSize(120);
        assertThat(answers.get(0)).contains(NOW.plusNanos(1000));
        assertThat(answers.get(1)).isEmpty();
        assertThat(answers.stream().filter(Optional::isPresent).count()).isEqualTo(60);
    }

    @Test
    void eventsRecordedByManyThreadsAreAllCounted() throws Exception {
        RateLimitStore store = stores.rateLimits();
        int threads = 8;

        successes(threads, () -> {
            store.record(List.of(new Event(Kind.ACCOUNT, "192.0.2.1", clock.instant())));
            return true;
        });

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.nthNewest(List.of(probe(Kind.ACCOUNT, "192.0.2.1", NOW.minusSeconds(1), threads),
                probe(Kind.ACCOUNT, "192.0.2.1", NOW.minusSeconds(1), threads + 1))))
                .containsExactly(Optional.of(NOW), Optional.empty());
    }

    private static Probe probe(Kind kind, String subject, Instant since, int nth) {
        return new Probe(kind, subject, since, nth);
    }
}
