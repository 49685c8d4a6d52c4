package dev.cachet.server;

/**
 * The SMTP server that carries validation mails and notices ({@code smtp.*}).
 *
 * @param server HOST:PORT, or null when e-mail validation is off
 * @param starttls {@code required}, {@code optional} or {@code off}
 * @param username the AUTH user, or null for none
 * @param passwordFile a file whose first line is the AUTH password, or null
 * @param from the From address, or null for cachet@ the host of publicUrl
 * @param timeoutSeconds connect, read and write timeout
 * @param retrySeconds the wait after a failed delivery, doubled per further failure (at most an hour)
 */
public record SmtpConfig(String server, String starttls, String username, String passwordFile, String from,
        int timeoutSeconds, int retrySeconds) {
}
