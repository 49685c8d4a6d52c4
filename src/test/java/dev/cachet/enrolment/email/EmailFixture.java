package dev.cachet.enrolment.email;

import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profiles;
import dev.cachet.ca.StoreJournal;
import dev.cachet.crypto.KeyType;
import dev.cachet.store.UnitOfWork;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.InMemoryCertificateRequestStore;
import dev.cachet.testing.InMemoryCertificateStore;
import dev.cachet.testing.InMemoryMailOutbox;
import dev.cachet.testing.MutableClock;
import dev.cachet.testing.TestCa;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail enrolment over in-memory stores and a test CA, with helpers to read the queued mails as a person would. */
final class EmailFixture {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String URL = "https://ca.example.net";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(URL) + "/validate/([^/\\s]+)/([^?\\s]+)"
            + "\\?value=([A-Za-z0-9_-]+)");

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryCertificateStore certificates = new InMemoryCertificateStore(clock);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    final InMemoryCertificateRequestStore requests = new InMemoryCertificateRequestStore(outbox);
    final RequestContext context;
    final RequestIssuance issuance;
    final RequestSubmission submission;
    final DomainConfirmation confirmation;
    final RequestDecisions decisions;

    /**
     * A link read from a validation mail.
     *
     * @param requestId the request
     * @param domain the base domain
     * @param value the value
     */
    record Link(String requestId, String domain, String value) {
    }

    EmailFixture(Duration reuse, List<String> prefixes) {
        TestCa ca = TestCa.create(KeyType.EC_P256, clock);
        SecureRandom random = new SecureRandom();
        context = new RequestContext(requests, outbox, audit, clock, new ValidationSecrets(random),
                new EmailValidationSettings(URL, Duration.ofHours(24), 3, reuse, prefixes));
        issuance = new RequestIssuance(context, new LeafIssuer(ca.issuer(), new StoreJournal(certificates, audit,
                UnitOfWork.EACH_ON_ITS_OWN, clock), random, clock), Profiles.builtIn());
        submission = new RequestSubmission(context, Profiles.builtIn(), "tls-server", issuance);
        confirmation = new DomainConfirmation(context, issuance);
        decisions = new RequestDecisions(context, issuance);
    }

    EmailFixture() {
        this(Duration.ZERO, List.of());
    }

    CertificateRequest submit(Map<String, String> prefixes, String... names) {
        return submission.submit(new SubmittedRequest(CachetClient.csr(names), null, "dev@requester.example",
                prefixes, "anonymous"));
    }

    /** The unsent mail to an address, found as a person finds it in an inbox. */
    OutboxMail mailTo(String address) {
        return outbox.unsent().stream().filter(m -> m.recipient().equals(address)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no mail to " + address + " in " + outbox.unsent()));
    }

    Link linkIn(OutboxMail mail) {
        Matcher m = LINK.matcher(mail.body());
        if (!m.find()) {
            throw new AssertionError("no confirmation link in: " + mail.body());
        }
        return new Link(m.group(1), m.group(2), m.group(3));
    }

    /** Opens the link's page and confirms with the form's token. */
    CertificateRequest confirm(Link link) {
        String token = confirmation.view(link.requestId(), link.domain(), link.value()).formToken();
        return confirmation.confirm(link.requestId(), link.domain(), link.value(), token);
    }
}
