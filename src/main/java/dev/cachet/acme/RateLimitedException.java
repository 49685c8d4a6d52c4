package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeProblem;
import java.time.Duration;
import java.util.List;

/**
 * A request refused by a rate limit (RFC 8555 §6.6: {@code rateLimited}, answered with HTTP 429 and
 * {@code Retry-After}), with one subproblem per refused identifier (§6.7.1).
 */
public final class RateLimitedException extends CachetException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;
    private final transient List<AcmeProblem> subproblems;

    /**
     * Creates the error.
     *
     * @param message one line naming the limit and when it frees up
     * @param retryAfter how long until a retry succeeds (if nothing else is counted meanwhile)
     * @param subproblems one {@code rateLimited} problem per refused identifier; may be empty
     */
    public RateLimitedException(String message, Duration retryAfter, List<AcmeProblem> subproblems) {
        super(ErrorType.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
        this.subproblems = List.copyOf(subproblems);
    }

    /** @return how long until a retry succeeds */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the problems per identifier */
    public List<AcmeProblem> subproblems() {
        return subproblems;
    }
}
