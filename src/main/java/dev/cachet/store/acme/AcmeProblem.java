package dev.cachet.store.acme;

import dev.cachet.core.Identifier;
import java.util.List;
import java.util.Objects;

/**
 * An error kept with an order or challenge (RFC 8555 §6.7), with subproblems per identifier (§6.7.1).
 *
 * @param type the ACME error type without its prefix, such as {@code incorrectResponse}
 * @param detail one line for people
 * @param identifier the identifier it concerns, or null
 * @param subproblems problems per identifier
 */
public record AcmeProblem(String type, String detail, Identifier identifier, List<AcmeProblem> subproblems) {

    /** Checks and copies the fields. */
    public AcmeProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        subproblems = subproblems == null ? List.of() : List.copyOf(subproblems);
    }
}
