package dev.cachet.enrolment.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.DomainStatus;
import dev.cachet.store.requests.DomainValidation;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.store.requests.RequestStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The e-mail validation flow over in-memory stores: request, mails, confirmation, issuance, notices. */
class EmailValidationFlowTest {
    private final EmailFixture f = new EmailFixture();

    @Test
    void aRequestMailsOneSingleUseValuePerBaseDomainAndStoresOnlyItsHash() {
        CertificateRequest request = f.submit(Map.of(), "www.example.org", "api.example.org", "shop.example.com");

        assertThat(request.status()).isEqualTo(RequestStatus.PENDING_VALIDATION);
        assertThat(f.outbox.unsent()).extracting(OutboxMail::recipient)
                .containsExactlyInAnyOrder("admin@example.org", "admin@example.com");
        EmailFixture.Link link = f.linkIn(f.mailTo("admin@example.org"));
        // 32 random bytes, base64url: 256 bits, above the 112 of BR 1.6.1.
        assertThat(link.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(f.mailTo("admin@example.org").body()).contains("Validation value (single use): " + link.value())
                .contains("www.example.org, api.example.org, shop.example.com").contains(request.keyFingerprint());
        DomainValidation stored = f.requests.domains(request.id()).get(1);
        assertThat(stored.domain()).isEqualTo("example.org");
        assertThat(stored.valueSha256()).contains(ValidationSecrets.hash(link.value()));
        assertThat(stored.valueSha256().orElseThrow()).doesNotContain(link.value());
        assertThat(stored.expiresAt()).isEqualTo(EmailFixture.NOW.plus(Duration.ofHours(24)));
        assertThat(f.audit.recent(10)).extracting(AuditEvent::action).contains("request.created");
    }

    @Test
    void confirmingEveryDomainIssuesTheCertificateAndQueuesTheNotice() {
        CertificateRequest request = f.submit(Map.of("shop.example.com", "hostmaster"), "www.example.org",
                "shop.example.com");
        CertificateRequest afterFirst = f.confirm(f.linkIn(f.mailTo("admin@example.org")));
        assertThat(afterFirst.status()).isEqualTo(RequestStatus.PENDING_VALIDATION);

        CertificateRequest issued = f.confirm(f.linkIn(f.mailTo("hostmaster@example.com")));

        assertThat(issued.status()).isEqualTo(RequestStatus.ISSUED);
        CertificateRecord record = f.certificates.find(issued.certificateSerial().orElseThrow()).orElseThrow();
        assertThat(record.names()).containsExactly(Identifier.dns("www.example.org"),
                Identifier.dns("shop.example.com"));
        assertThat(record.requester()).isEqualTo("request:" + request.id());
        OutboxMail notice = f.mailTo("dev@requester.example");
        assertThat(notice.subject()).isEqualTo("Your certificate for www.example.org is issued");
        assertThat(notice.body()).contains(EmailFixture.URL + "/api/v1/requests/" + request.id())
                .contains(record.serial().toString(16));
        assertThat(f.audit.recent(50)).extracting(AuditEvent::action).contains("request.domain-validated",
                "request.approved", "certificate.reserved", "request.issued", "request.notice-queued");
    }

    @Test
    void aWildcardIsValidatedThroughItsBaseDomainWhoseValidationCoversTheSubtree() {
        CertificateRequest request = f.submit(Map.of(), "*.apps.example.org", "example.org");

        assertThat(f.requests.domains(request.id())).extracting(DomainValidation::domain)
                .containsExactly("example.org");
        CertificateRequest issued = f.confirm(f.linkIn(f.mailTo("admin@example.org")));

        assertThat(issued.status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(f.certificates.find(issued.certificateSerial().orElseThrow()).orElseThrow().names())
                .contains(Identifier.dns("*.apps.example.org"));
    }

    @Test
    void aValidatedDomainIsReusedWithinThePeriodWithoutAnotherMail() {
        EmailFixture reuse = new EmailFixture(Duration.ofDays(30), List.of());
        reuse.submit(Map.of(), "a.example.org");
        reuse.confirm(reuse.linkIn(reuse.mailTo("admin@example.org")));
        int mails = reuse.outbox.unsent().size();

        reuse.clock.advance(Duration.ofDays(29));
        CertificateRequest second = reuse.submit(Map.of(), "b.example.org");

        assertThat(second.status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(reuse.requests.domains(second.id())).singleElement().satisfies(d -> {
            assertThat(d.method()).isEqualTo("reused");
            assertThat(d.address()).isEqualTo("admin@example.org");
            assertThat(d.validatedAt()).contains(EmailFixture.NOW);
        });
        assertThat(reuse.outbox.unsent()).hasSize(mails + 1); // the issued notice only
        reuse.clock.advance(Duration.ofDays(2));
        assertThat(reuse.submit(Map.of(), "c.example.org").status()).isEqualTo(RequestStatus.PENDING_VALIDATION);
    }

    @Test
    void theOwnerRejectingStopsTheRequestAndTellsTheRequester() {
        CertificateRequest request = f.submit(Map.of(), "www.example.org");
        EmailFixture.Link link = f.linkIn(f.mailTo("admin@example.org"));
        String token = f.confirmation.view(link.requestId(), link.domain(), link.value()).formToken();

        CertificateRequest rejected = f.confirmation.reject(link.requestId(), link.domain(), link.value(), token);

        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.reason()).contains("rejected by admin@example.org");
        assertThat(f.mailTo("dev@requester.example").subject()).endsWith("was rejected");
        assertThat(f.certificates.size()).isZero();
        assertThat(f.requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.REJECTED);
    }

    @Test
    void anOperatorApprovesOrRejectsAPendingRequestOnce() {
        CertificateRequest one = f.submit(Map.of(), "one.example.org");
        CertificateRequest two = f.submit(Map.of(), "two.example.org");
        assertThat(f.decisions.list(Optional.of(RequestStatus.PENDING_VALIDATION))).extracting(CertificateRequest::id)
                .containsExactly(one.id(), two.id());

        assertThat(f.decisions.approve(one.id(), "token:boss").status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(f.decisions.reject(two.id(), "cli", "not ours").reason()).contains("not ours");

        assertThat(f.decisions.get(one.id()).decidedBy()).contains("token:boss");
        assertThatThrownBy(() -> f.decisions.approve(two.id(), "cli")).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.ALREADY_EXISTS));
        assertThatThrownBy(() -> f.decisions.reject(one.id(), "cli", null)).hasMessageContaining("is issued");
        assertThatThrownBy(() -> f.decisions.approve("nope", "cli")).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.NOT_FOUND));
        assertThat(f.certificates.size()).isEqualTo(1);
    }

    @Test
    void racingConfirmationsAndApprovalsIssueExactlyOneCertificate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                CertificateRequest request = f.submit(Map.of(), "r" + round + ".example.org", "r" + round
                        + ".example.com");
                EmailFixture.Link a = f.linkIn(f.mailTo("admin@example.org"));
                EmailFixture.Link b = f.linkIn(f.mailTo("admin@example.com"));
                CyclicBarrier start = new CyclicBarrier(4);
                List<Callable<Object>> racers = List.of(race(start, () -> f.confirm(a)),
                        race(start, () -> f.confirm(b)), race(start, () -> f.confirm(b)),
                        race(start, f.issuance::sweep));
                List<Future<Object>> done = new ArrayList<>();
                racers.forEach(r -> done.add(pool.submit(r)));
                for (Future<Object> d : done) {
                    d.get(30, TimeUnit.SECONDS);
                }
                f.issuance.sweep();

                assertThat(f.requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.ISSUED);
                assertThat(f.certificates.size()).isEqualTo(round + 1);
                assertThat(f.requests.domains(request.id())).extracting(DomainValidation::status)
                        .containsOnly(DomainStatus.VALIDATED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every racer, then runs; a lost race (the value was used already) is an expected answer. */
    private static Callable<Object> race(CyclicBarrier start, Callable<?> work) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            try {
                return work.call();
            } catch (ValidationFailure e) {
                assertThat(e.reason()).isIn(ValidationFailure.Reason.USED, ValidationFailure.Reason.CLOSED);
                return e.reason();
            }
        };
    }
}
