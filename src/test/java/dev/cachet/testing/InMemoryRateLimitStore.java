package dev.cachet.testing;

import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.RateLimitStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link RateLimitStore} in memory, for tests, faithful to the database's: orders are counted
 * from an {@link InMemoryAcmeOrderStore}, other events from a thread-safe list, instants kept to
 * the microsecond, and only events strictly after a probe's time count.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
    private final InMemoryAcmeOrderStore orders;
    private final List<Event> events = new ArrayList<>();

    /**
     * Creates an empty store.
     *
     * @param orders the orders, which are the events of {@link Kind#ORDER}
     */
    public InMemoryRateLimitStore(InMemoryAcmeOrderStore orders) {
        this.orders = orders;
    }

    @Override
    public synchronized List<Optional<Instant>> nthNewest(List<Probe> probes) {
        return probes.stream().map(this::answer).toList();
    }

    @Override
    public synchronized void record(List<Event> added) {
        added.forEach(e -> events.add(new Event(e.kind(), e.subject(), StoredTime.of(e.at()))));
    }

    @Override
    public synchronized int purge(Kind kind, Instant before, int limit) {
        List<Event> old = events.stream().filter(e -> e.kind() == kind && e.at().isBefore(before))
                .sorted(Comparator.comparing(Event::at)).limit(limit).toList();
        old.forEach(events::remove);
        return old.size();
    }

    private Optional<Instant> answer(Probe probe) {
        Instant since = StoredTime.of(probe.since());
        Stream<Instant> times = probe.kind() == Kind.ORDER
                ? orders.ordersOf(probe.subject(), null, Integer.MAX_VALUE).stream().map(AcmeOrder::createdAt)
                : events.stream().filter(e -> e.kind() == probe.kind() && e.subject().equals(probe.subject()))
                        .map(Event::at);
        return times.filter(t -> t.isAfter(since)).sorted(Comparator.reverseOrder()).skip(probe.nth() - 1L)
                .findFirst();
    }
}
