package dev.cachet.enrolment;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an API token may do. */
public enum Scope {
    /** Issue certificates for the token's domains. */
    ISSUE,
    /** Revoke certificates for the token's domains. */
    REVOKE,
    /** Read and search certificates. */
    READ,
    /** Approve or reject pending certificate requests. */
    APPROVE;

    /** @return the name used in tokens and on the command line, such as {@code issue} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a scope name.
     *
     * @param id such as {@code revoke}
     * @return the scope
     */
    public static Scope parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id.trim())).findFirst()
                .orElseThrow(() -> new CachetException(ErrorType.MALFORMED, "unknown scope " + Quoted.of(id)
                        + " (known: " + Arrays.stream(values()).map(Scope::id).collect(Collectors.joining(", "))
                        + ")"));
    }
}
