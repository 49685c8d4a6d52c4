package dev.cachet.mail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether the SMTP connection is upgraded to TLS with STARTTLS (RFC 3207). */
public enum StartTls {
    /** Refuse to send unless the server offers STARTTLS. */
    REQUIRED,
    /** Use STARTTLS when the server offers it. */
    OPTIONAL,
    /** Plain SMTP (a relay on the same host or a test server). */
    OFF;

    /**
     * Parses a configuration value.
     *
     * @param text {@code required}, {@code optional} or {@code off}
     * @return the mode, or empty when unknown
     */
    public static Optional<StartTls> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.name().toLowerCase(Locale.ROOT).equals(text)).findFirst();
    }
}
