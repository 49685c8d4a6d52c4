package dev.cachet.testing;

import dev.cachet.store.ConsistencySource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A {@link ConsistencySource} in memory, for tests: rows as given, damaged ones included, streamed by key. */
public final class InMemoryConsistencySource implements ConsistencySource {
    private final List<CertificateRow> certificates = new ArrayList<>();
    private final List<OrderRow> orders = new ArrayList<>();
    private final List<RequestRow> requests = new ArrayList<>();

    /**
     * Adds a certificate row.
     *
     * @param row the row as stored
     * @return this source
     */
    public InMemoryConsistencySource add(CertificateRow row) {
        certificates.add(row);
        return this;
    }

    /**
     * Adds an ACME order row.
     *
     * @param row the row as stored
     * @return this source
     */
    public InMemoryConsistencySource add(OrderRow row) {
        orders.add(row);
        return this;
    }

    /**
     * Adds an e-mail request row.
     *
     * @param row the row as stored
     * @return this source
     */
    public InMemoryConsistencySource add(RequestRow row) {
        requests.add(row);
        return this;
    }

    @Override
    public List<String> duplicateSerials() {
        Map<String, Integer> counts = new TreeMap<>();
        certificates.forEach(row -> counts.merge(row.serialKey().toLowerCase(Locale.ROOT), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    @Override
    public void forEachCertificate(Consumer<CertificateRow> sink) {
        certificates.stream().sorted(Comparator.comparing(CertificateRow::serialKey)).forEach(sink);
    }

    @Override
    public void forEachOrder(Consumer<OrderRow> sink) {
        orders.stream().sorted(Comparator.comparing(OrderRow::id)).forEach(sink);
    }

    @Override
    public void forEachRequest(Consumer<RequestRow> sink) {
        requests.stream().sorted(Comparator.comparing(RequestRow::id)).forEach(sink);
    }
}
