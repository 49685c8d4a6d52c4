package dev.cachet.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.OrderStatus;
import dev.cachet.store.acme.RateLimitStore.Kind;
import dev.cachet.store.acme.RateLimitStore.Probe;
import dev.cachet.testing.InMemoryAcmeOrderStore;
import dev.cachet.testing.InMemoryRateLimitStore;
import dev.cachet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rate limiter deletes the events no limit counts any more, so that their table stays bounded. */
class RateEventPurgeTest {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String CLIENT = "192.0.2.7";
    private static final Identifier NAME = Identifier.dns("www.example.org");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryRateLimitStore store = new InMemoryRateLimitStore(new InMemoryAcmeOrderStore(clock));
    // Renewals (the third argument) play no part in purging.
    private final RateLimiter limiter = new RateLimiter(store, new RateLimits(0, 50, 5, 100), null, clock);

    @Test
    void eachKindIsKeptForItsWindowAndCertificateNamesForTheLongestValidity() {
        limiter.accountCreated(CLIENT);
        limiter.validationFailed("acct-1", NAME);
        limiter.issued(order());

        clock.advance(Duration.ofMinutes(59));
        assertThat(limiter.purgeExpired()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(limiter.purgeExpired()).as("the account and the failed validation, after an hour").isEqualTo(2);
        assertThat(stored(Kind.ACCOUNT, CLIENT)).isEmpty();
        assertThat(stored(Kind.CERTIFICATE, "dns:example.org")).isPresent();

        clock.advance(Duration.ofDays(7));
        assertThat(limiter.purgeExpired()).as("the certificate's domain, after a week").isEqualTo(1);
        assertThat(stored(Kind.CERTIFICATE, "dns:example.org")).isEmpty();

        clock.set(START.plus(Duration.ofDays(397)));
        assertThat(limiter.purgeExpired()).as("its names stay to recognise renewals").isZero();
        clock.set(START.plus(Duration.ofDays(398)).plusSeconds(1));
        assertThat(limiter.purgeExpired()).isEqualTo(1);
    }

    @Test
    void recordingPurgesNowAndThenByItself() {
        for (int i = 0; i < 63; i++) {
            limiter.accountCreated(CLIENT);
        }
        clock.advance(Duration.ofHours(2));
        limiter.accountCreated(CLIENT);

        assertThat(store.nthNewest(List.of(new Probe(Kind.ACCOUNT, CLIENT, Instant.EPOCH, 2)))).containsExactly(
                Optional.empty());
        assertThat(stored(Kind.ACCOUNT, CLIENT)).contains(clock.instant());
    }

    private Optional<Instant> stored(Kind kind, String subject) {
        return store.nthNewest(List.of(new Probe(kind, subject, Instant.EPOCH, 1))).get(0);
    }

    private AcmeOrder order() {
        return new AcmeOrder("o-1", "acct-1", OrderStatus.VALID, List.of(NAME), List.of("a-1"),
                START.plus(Duration.ofDays(7)), null, null, "server", null, null, null, START);
    }
}
