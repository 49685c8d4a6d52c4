package dev.cachet.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to send mail.
 *
 * @param host the SMTP server
 * @param port its port
 * @param startTls the STARTTLS mode
 * @param username the AUTH user, or null for none
 * @param password the AUTH password, or null
 * @param from the From address
 * @param timeout the connect, read and write timeout
 */
public record SmtpSettings(String host, int port, StartTls startTls, String username, String password, String from,
        Duration timeout) {

    /** Checks the fields. */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", starttls=" + startTls + ", user=" + username + ", from=" + from
                + "]";
    }
}
