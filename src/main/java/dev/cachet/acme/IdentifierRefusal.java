package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeProblem;
import java.util.List;

/**
 * A newOrder refused because of some of its identifiers, with one subproblem per refused
 * identifier, each with its own type, detail and identifier (RFC 8555 §6.7.1). The error's own
 * type is {@code rejectedIdentifier} when every subproblem is one, {@code malformed} otherwise.
 */
public final class IdentifierRefusal extends CachetException {
    private static final long serialVersionUID = 1L;
    private final transient List<AcmeProblem> subproblems;

    private IdentifierRefusal(ErrorType type, String message, List<AcmeProblem> subproblems) {
        super(type, message);
        this.subproblems = List.copyOf(subproblems);
    }

    /**
     * The refusal of an order.
     *
     * @param subproblems one problem per refused identifier, not empty
     * @param requested how many identifiers the order named
     * @return the error
     */
    static IdentifierRefusal of(List<AcmeProblem> subproblems, int requested) {
        boolean allRejected = subproblems.stream().allMatch(p -> "rejectedIdentifier".equals(p.type()));
        String message = subproblems.size() == 1 ? subproblems.get(0).detail()
                : subproblems.size() + " of the order's " + requested + " identifiers are refused; see subproblems";
        return new IdentifierRefusal(allRejected ? ErrorType.REJECTED_IDENTIFIER : ErrorType.MALFORMED, message,
                subproblems);
    }

    /** @return the problems of the refused identifiers, in the order's order */
    public List<AcmeProblem> subproblems() {
        return subproblems;
    }
}
