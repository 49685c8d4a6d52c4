package dev.cachet.core;

import java.util.Objects;

/**
 * The one error type of Cachet. Its message is written for the person who runs Cachet: one
 * line, naming the input and what is wrong with it, never key material.
 */
public class CachetException extends RuntimeException {
    private final ErrorType type;

    /**
     * Creates an error of the given type.
     *
     * @param type the category, used by each edge to choose an exit code or problem type
     * @param message one line, for the user
     */
    public CachetException(ErrorType type, String message) {
        super(message);
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Creates an error of the given type that keeps its cause for verbose output.
     *
     * @param type the category
     * @param message one line, for the user
     * @param cause the underlying exception
     */
    public CachetException(ErrorType type, String message, Throwable cause) {
        super(message, cause);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** @return the category of this error */
    public ErrorType type() {
        return type;
    }
}
