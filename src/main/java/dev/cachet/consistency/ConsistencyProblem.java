package dev.cachet.consistency;

import java.util.Objects;

/**
 * One thing wrong in the database.
 *
 * @param kind a stable name such as {@code duplicate-serial}
 * @param subject what it concerns, such as {@code certificate 00ab...} or {@code order Xy3}
 * @param detail one line for people
 */
public record ConsistencyProblem(String kind, String subject, String detail) {

    /** Checks the fields. */
    public ConsistencyProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return {@code kind subject: detail} */
    @Override
    public String toString() {
        return kind + " " + subject + ": " + detail;
    }
}
