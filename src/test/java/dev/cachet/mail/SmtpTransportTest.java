package dev.cachet.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.cachet.store.requests.OutboxMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jakarta Mail against GreenMail, a real SMTP server on loopback: AUTH, headers, UTF-8 text, refusals. */
class SmtpTransportTest {
    private static final OutboxMail MAIL = new OutboxMail("m1", "admin@example.org", "Confirm — example.org",
            "Value: abc ✓", 0, Instant.parse("2026-11-27T10:00:00Z"));
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("cachet", "s3cret"));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void sendsWithAuthAsPlainUtf8Text() throws Exception {
        new SmtpTransport(settings(StartTls.OFF, "cachet", "s3cret")).send(MAIL);

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Confirm — example.org");
        assertThat(received.getContent().toString()).isEqualTo("Value: abc ✓");
        assertThat(received.getFrom()[0].toString()).isEqualTo("ca@cachet.test");
        assertThat(received.getHeader("X-Cachet-Mail-Id")).containsExactly("m1");
    }

    @Test
    void aWrongPasswordOrMissingStartTlsIsADeliveryFailure() {
        assertThatThrownBy(() -> new SmtpTransport(settings(StartTls.OFF, "cachet", "wrong")).send(MAIL))
                .isInstanceOf(MailDeliveryException.class).hasMessageStartingWith("SMTP 127.0.0.1:" + port);
        // GreenMail's plain SMTP offers no STARTTLS: "required" must refuse to send in clear text.
        assertThatThrownBy(() -> new SmtpTransport(settings(StartTls.REQUIRED, null, null)).send(MAIL))
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("STARTTLS");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsADeliveryFailure() {
        smtp.stop();

        assertThatThrownBy(() -> new SmtpTransport(settings(StartTls.OFF, null, null)).send(MAIL))
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("127.0.0.1");
    }

    private SmtpSettings settings(StartTls tls, String user, String password) {
        return new SmtpSettings("127.0.0.1", port, tls, user, password, "ca@cachet.test", Duration.ofSeconds(5));
    }
}
