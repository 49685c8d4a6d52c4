package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.RunningServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cachet server whose mail goes to GreenMail, a real SMTP server on a free loopback port, and a
 * reader of the delivered mails that follows the link, opens the page and presses a button as a
 * person would.
 */
final class MailFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("https://\\S+/validate/\\S+\\?value=[A-Za-z0-9_-]+");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private final int smtpPort;
    private GreenMail mail;
    final RunningServer server;
    final CachetClient client;

    /**
     * The confirmation page as opened from a mail.
     *
     * @param link the link
     * @param reply the GET's reply
     * @param token the form's token
     * @param cookie the cookie the page set
     */
    record Page(String link, CachetClient.Reply reply, String token, String cookie) {
    }

    private MailFixture(Path dir, boolean smtpUp, Map<String, String> more) {
        smtpPort = freePort();
        if (smtpUp) {
            startSmtp();
        }
        Map<String, String> config = new LinkedHashMap<>(Map.of("smtp.server", "127.0.0.1:" + smtpPort,
                "smtp.starttls", "off", "smtp.from", "ca@cachet.test", "smtp.retrySeconds", "1"));
        config.putAll(more);
        server = RunningServer.start(dir, config);
        client = server.client();
    }

    static MailFixture start(Path dir, boolean smtpUp, Map<String, String> more) {
        return new MailFixture(dir, smtpUp, more);
    }

    /** Starts the SMTP server (again) on the port Cachet was given. */
    void startSmtp() {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    /** Submits a request; fails unless the server answers 202. */
    CachetClient.Reply submit(Map<String, Object> body) {
        CachetClient.Reply reply = client.postJson("/api/v1/requests", CachetClient.json(body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        return reply;
    }

    /** Waits for a mail to an address whose body satisfies a condition, and returns its text. */
    String awaitMail(String to, Predicate<String> body) {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                String text = text(message);
                if (recipients(message).contains(to) && body.test(text)) {
                    return text;
                }
            }
            mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + to + " within " + WAIT);
    }

    /** Reads the validation mail for a request's domain and follows its link. */
    Page openValidationMail(String to, String requestId) {
        return open(validationLink(to, requestId));
    }

    /** Waits for the validation mail for a request's domain and returns its link, not opened. */
    String validationLink(String to, String requestId) {
        String body = awaitMail(to, text -> text.contains("/validate/" + requestId + "/"));
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group();
    }

    Page open(String link) {
        CachetClient.Reply reply = client.get(link);
        Matcher token = TOKEN.matcher(reply.text());
        String cookie = reply.header("Set-Cookie").split(";")[0];
        return new Page(link, reply, token.find() ? token.group(1) : null, cookie);
    }

    /** Presses a button of the page's form. */
    CachetClient.Reply press(Page page, String decision) {
        String value = page.link().substring(page.link().indexOf("?value=") + "?value=".length());
        return client.postForm(page.link().substring(0, page.link().indexOf('?')), new LinkedHashMap<>(Map.of(
                "value", value, "token", page.token(), "decision", decision)), page.cookie());
    }

    /** Polls a status URL until the request reaches a status, then returns its reply. */
    CachetClient.Reply awaitStatus(String statusUrl, String status) {
        return ServerAssertions.poll(WAIT, status, () -> client.get(statusUrl),
                reply -> status.equals(reply.json().path("status").asText()));
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (mail != null) {
                mail.stop();
            }
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
