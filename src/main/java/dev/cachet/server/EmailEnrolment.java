package dev.cachet.server;

import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.core.BackgroundThreads;
import dev.cachet.crypto.Passphrases;
import dev.cachet.enrolment.email.ConstructedAddresses;
import dev.cachet.enrolment.email.DomainConfirmation;
import dev.cachet.enrolment.email.EmailValidationSettings;
import dev.cachet.enrolment.email.RequestContext;
import dev.cachet.enrolment.email.RequestDecisions;
import dev.cachet.enrolment.email.RequestIssuance;
import dev.cachet.enrolment.email.RequestSubmission;
import dev.cachet.enrolment.email.ValidationSecrets;
import dev.cachet.mail.OutboxRelay;
import dev.cachet.mail.SmtpSettings;
import dev.cachet.mail.SmtpTransport;
import dev.cachet.mail.StartTls;
import dev.cachet.store.jdbc.JdbcCertificateRequestStore;
import dev.cachet.store.jdbc.JdbcMailOutbox;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail enrolment of one instance: its services over the shared database, and the background
 * thread that delivers the outbox and issues requests approved elsewhere (such as from the command
 * line). Without {@code smtp.server}, no request can be submitted, but pending ones can be decided.
 *
 * @param submission takes requests, or null when no SMTP server is configured
 * @param confirmation the domain owner's page
 * @param decisions the operator's calls and the status of requests
 * @param background the background thread
 */
record EmailEnrolment(RequestSubmission submission, DomainConfirmation confirmation, RequestDecisions decisions,
        ScheduledExecutorService background) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmailEnrolment.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    static EmailEnrolment start(CachetConfig config, String publicUrl, LeafIssuer leafIssuer,
            ProfileCatalog profiles, Storage storage, Clock clock) {
        RequestContext context = context(config, publicUrl, storage, clock);
        RequestIssuance issuance = new RequestIssuance(context, leafIssuer, profiles);
        SmtpConfig smtp = config.smtp();
        OutboxRelay relay = smtp.server() == null ? null : new OutboxRelay(context.outbox(),
                new SmtpTransport(smtpSettings(smtp, publicUrl)), storage.audit(), clock,
                Duration.ofSeconds(smtp.retrySeconds()), HexFormat.of().formatHex(new SecureRandom().generateSeed(8)));
        ScheduledExecutorService background = BackgroundThreads.scheduler("cachet-mail");
        background.scheduleWithFixedDelay(() -> tick(relay, issuance), 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return new EmailEnrolment(relay == null ? null : new RequestSubmission(context, profiles,
                config.ca().defaultProfile(), issuance), new DomainConfirmation(context, issuance),
                new RequestDecisions(context, issuance), background);
    }

    /**
     * The shared parts of e-mail enrolment over a database, for the server and the command line.
     *
     * @param config the configuration
     * @param publicUrl the external HTTPS URL
     * @param storage the database
     * @param clock the time source
     * @return the context
     */
    static RequestContext context(CachetConfig config, String publicUrl, Storage storage, Clock clock) {
        EnrolmentConfig enrolment = config.enrolment();
        EmailValidationSettings settings = new EmailValidationSettings(publicUrl,
                Duration.ofHours(enrolment.valueLifetimeHours()), enrolment.maxAttempts(),
                Duration.ofDays(enrolment.domainReuseDays()), enrolment.allowedPrefixes().isEmpty()
                        ? ConstructedAddresses.PREFIXES : enrolment.allowedPrefixes());
        var source = storage.database().dataSource();
        return new RequestContext(new JdbcCertificateRequestStore(source), new JdbcMailOutbox(source),
                storage.audit(), clock, new ValidationSecrets(new SecureRandom()), settings);
    }

    /** Stops the background thread, letting a send in progress finish. */
    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void tick(OutboxRelay relay, RequestIssuance issuance) {
        try {
            if (relay != null) {
                relay.deliverDue();
            }
            issuance.sweep();
        } catch (RuntimeException e) {
            // The next tick tries again; the database may be away for a moment.
            LOG.warn("e-mail enrolment background work failed: {}", e.toString());
        }
    }

    private static SmtpSettings smtpSettings(SmtpConfig smtp, String publicUrl) {
        HostPort server = HostPort.parse(smtp.server(), "smtp.server");
        String password = smtp.passwordFile() == null ? null
                : new String(Passphrases.read(Path.of(smtp.passwordFile())));
        String host = URI.create(publicUrl).getHost();
        // An address literal is no mail domain: a CA reached by IP address sends as cachet@localhost.
        String domain = host.matches(".*[a-zA-Z].*") && !host.contains(":") ? host : "localhost";
        String from = smtp.from() != null ? smtp.from() : "cachet@" + domain;
        return new SmtpSettings(server.host(), server.port(), StartTls.parse(smtp.starttls()).orElseThrow(),
                smtp.username(), password, from, Duration.ofSeconds(smtp.timeoutSeconds()));
    }
}
