package dev.cachet.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.ConsistencySource.OrderRow;
import dev.cachet.store.ConsistencySource.RequestRow;
import dev.cachet.testing.InMemoryConsistencySource;
import dev.cachet.testing.InMemoryCrlStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ACME orders and e-mail requests left in a passing status: a problem once crash recovery would have
 * settled them (older than the grace period), none while their issuance may still be under way.
 */
class ConsistencyCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final Instant STALE = NOW.minus(GRACE).minusSeconds(1);
    private static final Instant FRESH = NOW.minus(GRACE).plusSeconds(1);
    private static final String SERIAL = "0".repeat(36) + "dead";

    private final InMemoryConsistencySource source = new InMemoryConsistencySource();

    private ConsistencyReport run() {
        return new ConsistencyCheck(source, new InMemoryCrlStore(), List.of(), Clock.fixed(NOW, ZoneOffset.UTC),
                GRACE).run();
    }

    @Test
    void aRequestIssuingLongerThanTheGracePeriodIsNamedWithItsAttachedSerial() {
        source.add(new RequestRow("bare", "ISSUING", STALE, null))
                .add(new RequestRow("linked", "ISSUING", STALE, SERIAL));

        ConsistencyReport report = run();

        assertThat(report.clean()).isFalse();
        assertThat(report.problems()).extracting(ConsistencyProblem::toString).containsExactly(
                "request-stuck-issuing request bare: issuing since " + STALE + ", more than 300 s ago,"
                        + " no serial attached",
                "request-stuck-issuing request linked: issuing since " + STALE + ", more than 300 s ago,"
                        + " serial " + SERIAL + " attached");
    }

    @Test
    void aRequestIssuingWithinTheGracePeriodMayStillBeUnderWay() {
        source.add(new RequestRow("fresh", "ISSUING", FRESH, SERIAL))
                .add(new RequestRow("on-the-cutoff", "ISSUING", NOW.minus(GRACE), null));

        assertThat(run().problems()).isEmpty();
    }

    @Test
    void oldRequestsInOtherStatusesAreNoProblem() {
        for (String status : List.of("PENDING_VALIDATION", "APPROVED", "ISSUED", "REJECTED", "FAILED")) {
            source.add(new RequestRow(status, status, STALE, status.equals("ISSUED") ? SERIAL : null));
        }

        assertThat(run().problems()).isEmpty();
    }

    @Test
    void anOrderProcessingLongerThanTheGracePeriodIsNamedTheSameWay() {
        source.add(new OrderRow("stuck", "PROCESSING", null, STALE, null, false))
                .add(new OrderRow("fresh", "PROCESSING", null, FRESH, null, false))
                .add(new OrderRow("pending", "PENDING", null, STALE, null, false));

        ConsistencyReport report = run();

        assertThat(report.problems()).extracting(ConsistencyProblem::toString).containsExactly(
                "order-stuck-processing order stuck: processing since " + STALE + ", more than 300 s ago");
        assertThat(report.orders()).containsEntry("PROCESSING", 2).containsEntry("PENDING", 1);
    }
}
