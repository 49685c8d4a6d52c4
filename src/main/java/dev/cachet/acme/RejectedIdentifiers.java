package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeProblem;
import java.util.List;

/**
 * A newOrder refused for some of its identifiers: a rejectedIdentifier problem with one
 * subproblem per refused identifier (RFC 8555 §6.7.1), so that a client sees which names to drop.
 */
public final class RejectedIdentifiers extends CachetException {
    private static final long serialVersionUID = 1L;

    /** The problems per identifier; records are immutable, the list is copied. */
    private final transient List<AcmeProblem> subproblems;

    RejectedIdentifiers(List<AcmeProblem> subproblems) {
        super(ErrorType.REJECTED_IDENTIFIER, subproblems.size() == 1 ? subproblems.get(0).detail()
                : subproblems.size() + " identifiers are refused: " + String.join("; ",
                        subproblems.stream().map(AcmeProblem::detail).toList()));
        this.subproblems = List.copyOf(subproblems);
    }

    /** @return one rejectedIdentifier problem per refused identifier */
    public List<AcmeProblem> subproblems() {
        return subproblems;
    }
}
