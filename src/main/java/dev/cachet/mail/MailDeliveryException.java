package dev.cachet.mail;

/** A mail could not be delivered now; the outbox keeps it for another try. */
public final class MailDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message one line: why
     * @param cause the transport's error
     */
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
