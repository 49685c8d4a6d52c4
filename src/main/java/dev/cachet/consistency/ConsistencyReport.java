package dev.cachet.consistency;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the check found.
 *
 * @param problems every problem, in the order found
 * @param certificates certificate rows by status column
 * @param inFlight reserved rows younger than the grace period (an issuance under way)
 * @param orders ACME orders by status column
 * @param crls CRLs checked
 */
public record ConsistencyReport(List<ConsistencyProblem> problems, Map<String, Integer> certificates, int inFlight,
        Map<String, Integer> orders, int crls) {

    /** Copies the collections. */
    public ConsistencyReport {
        problems = List.copyOf(problems);
        certificates = Map.copyOf(certificates);
        orders = Map.copyOf(orders);
    }

    /** @return whether no problem was found */
    public boolean clean() {
        return problems.isEmpty();
    }

    /** @return one line with the counts */
    public String summary() {
        return "checked " + total(certificates) + " certificates (" + byStatus(certificates) + "; " + inFlight
                + " in flight), " + total(orders) + " ACME orders (" + byStatus(orders) + "), " + crls + " CRLs: "
                + (problems.isEmpty() ? "no problems"
                        : problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
    }

    /**
     * Rows of one status.
     *
     * @param status such as {@code UNISSUED}
     * @return how many certificate rows have it
     */
    public int certificates(String status) {
        return certificates.getOrDefault(status, 0);
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String byStatus(Map<String, Integer> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
