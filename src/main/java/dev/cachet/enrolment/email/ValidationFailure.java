package dev.cachet.enrolment.email;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;

/** Why a confirmation (or the page before it) is refused; the edges show each case plainly. */
public final class ValidationFailure extends CachetException {
    private static final long serialVersionUID = 1L;

    /** The cases, each with the error type the edges map. */
    public enum Reason {
        /** No such request or domain. */
        UNKNOWN(ErrorType.NOT_FOUND),
        /** The value (or the form token) is wrong. */
        WRONG_VALUE(ErrorType.FORBIDDEN),
        /** The value expired. */
        EXPIRED(ErrorType.POLICY),
        /** The value was used already. */
        USED(ErrorType.ALREADY_EXISTS),
        /** The request was decided already (issued, rejected or failed). */
        CLOSED(ErrorType.ALREADY_EXISTS),
        /** Too many wrong values were presented. */
        LOCKED(ErrorType.RATE_LIMITED);

        private final ErrorType type;

        Reason(ErrorType type) {
            this.type = type;
        }
    }

    private final Reason reason;

    ValidationFailure(Reason reason, String message) {
        super(reason.type, message);
        this.reason = reason;
    }

    /** @return the case */
    public Reason reason() {
        return reason;
    }
}
