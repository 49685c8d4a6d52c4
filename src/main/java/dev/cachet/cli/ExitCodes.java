package dev.cachet.cli;

import dev.cachet.core.ErrorType;

/** The exit codes of {@code cachet}, documented in the README. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The input was bad or an operation failed; the message says which. */
    public static final int FAILURE = 1;
    /** The command line was wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** {@code cachet verify}: the certificate is not valid for the asked use. */
    public static final int NOT_VERIFIED = 3;
    /** A bug in Cachet (EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /**
     * Maps an error category to an exit code.
     *
     * @param type the category
     * @return the exit code
     */
    public static int of(ErrorType type) {
        switch (type) {
            case VERIFICATION:
                return NOT_VERIFIED;
            case INTERNAL:
                return INTERNAL;
            default:
                return FAILURE;
        }
    }
}
