package dev.cachet.mail;

import dev.cachet.store.requests.OutboxMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/** Sends plain text mail over SMTP with Jakarta Mail, with STARTTLS and AUTH as configured. */
public final class SmtpTransport implements MailTransport {
    private final SmtpSettings settings;
    private final Session session;

    /**
     * Creates the transport.
     *
     * @param settings the server and credentials
     */
    public SmtpTransport(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public void send(OutboxMail mail) throws MailDeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(mail.createdAt()));
            // The outbox id: a mail sent again after a lost acknowledgement carries the same one.
            message.setHeader("X-Cachet-Mail-Id", mail.id());
            if (settings.username() != null) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException("SMTP " + settings.host() + ":" + settings.port() + ": "
                    + oneLine(e), e);
        }
    }

    private static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls() != StartTls.OFF));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls() == StartTls.REQUIRED));
        // STARTTLS checks the server's certificate and name against the JVM's trust store.
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return p;
    }

    private static String oneLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
        return text.replaceAll("\\s+", " ").trim();
    }
}
