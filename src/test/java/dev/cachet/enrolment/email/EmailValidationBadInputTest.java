package dev.cachet.enrolment.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.enrolment.email.ValidationFailure.Reason;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.DomainStatus;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.testing.CachetClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every bad input of e-mail validation gets one clear answer, and no certificate. */
class EmailValidationBadInputTest {
    private final EmailFixture f = new EmailFixture();

    @Test
    void publicSuffixesAndBareTopLevelDomainsAreRefused() {
        assertRefused(ErrorType.REJECTED_IDENTIFIER, "co.uk is a public suffix", () -> f.submit(Map.of(), "co.uk"));
        assertRefused(ErrorType.REJECTED_IDENTIFIER, "*.co.uk is a public suffix",
                () -> f.submit(Map.of(), "*.co.uk"));
        assertRefused(ErrorType.REJECTED_IDENTIFIER, "org is a public suffix", () -> f.submit(Map.of(), "org"));
        assertRefused(ErrorType.REJECTED_IDENTIFIER, "co.uk is a public suffix",
                () -> f.submit(Map.of(), "www.example.org", "co.uk"));
        assertThat(f.outbox.unsent()).isEmpty();
    }

    @Test
    void anAddressOutsideTheAllowedSetIsRefused() {
        assertRefused(ErrorType.REJECTED_IDENTIFIER, "'root@example.org' is not an allowed validation address",
                () -> f.submit(Map.of("example.org", "root"), "www.example.org"));
        EmailFixture narrow = new EmailFixture(Duration.ZERO, List.of("hostmaster"));
        assertRefused(ErrorType.REJECTED_IDENTIFIER, "the prefix must be one of hostmaster",
                () -> narrow.submit(Map.of("www.example.org", "admin"), "www.example.org"));
        assertRefused(ErrorType.MALFORMED, "'other.example' is neither a name of the CSR",
                () -> f.submit(Map.of("other.example", "admin"), "www.example.org"));
        assertThatThrownBy(() -> new EmailValidationSettings("https://x", Duration.ofHours(1), 1, Duration.ZERO,
                List.of("webmaster", "info"))).hasMessageContaining("'info' is not a BR 3.2.2.4.4 prefix");
    }

    @Test
    void aRequestNeedsAContactAndAUsableCsr() {
        assertRefused(ErrorType.MALFORMED, "no 'contact'", () -> f.submission.submit(new SubmittedRequest(
                CachetClient.csr("www.example.org"), null, null, Map.of(), null)));
        assertRefused(ErrorType.REJECTED_IDENTIFIER, "not an e-mail address", () -> f.submission.submit(
                new SubmittedRequest(CachetClient.csr("www.example.org"), null, "nobody", Map.of(), null)));
        assertRefused(ErrorType.MALFORMED, "no 'csr'", () -> f.submission.submit(new SubmittedRequest(" ", null,
                "a@b.example", Map.of(), null)));
        assertRefused(ErrorType.POLICY, "no-such-profile", () -> f.submission.submit(new SubmittedRequest(
                CachetClient.csr("www.example.org"), "no-such-profile", "a@b.example", Map.of(), null)));
    }

    @Test
    void aWrongValueIsRefusedAndTooManyLockTheDomain() {
        CertificateRequest request = f.submit(Map.of(), "www.example.org");
        EmailFixture.Link link = f.linkIn(f.mailTo("admin@example.org"));
        String token = f.confirmation.view(link.requestId(), link.domain(), link.value()).formToken();
        String tampered = link.value().substring(1) + "A";

        assertFailure(Reason.WRONG_VALUE, () -> f.confirmation.view(link.requestId(), link.domain(), tampered));
        assertFailure(Reason.WRONG_VALUE, () -> f.confirmation.confirm(link.requestId(), link.domain(), tampered,
                token));
        assertFailure(Reason.WRONG_VALUE, () -> f.confirmation.confirm(link.requestId(), link.domain(), link.value(),
                "forged-token"));
        assertFailure(Reason.WRONG_VALUE, () -> f.confirmation.confirm(link.requestId(), link.domain(), null, null));

        assertThat(f.requests.domains(request.id()).get(0).status()).isEqualTo(DomainStatus.LOCKED);
        assertFailure(Reason.LOCKED, () -> f.confirmation.confirm(link.requestId(), link.domain(), link.value(),
                token));
        assertThat(f.decisions.get(request.id()).status()).isEqualTo(RequestStatus.PENDING_VALIDATION);
        assertThat(f.certificates.size()).isZero();
    }

    @Test
    void anExpiredValueIsRefused() {
        f.submit(Map.of(), "www.example.org");
        EmailFixture.Link link = f.linkIn(f.mailTo("admin@example.org"));
        String token = f.confirmation.view(link.requestId(), link.domain(), link.value()).formToken();

        f.clock.advance(Duration.ofHours(24));

        assertFailure(Reason.EXPIRED, () -> f.confirmation.confirm(link.requestId(), link.domain(), link.value(),
                token));
        assertThat(f.certificates.size()).isZero();
    }

    @Test
    void aValueIsSingleUseAndUnknownRequestsOrDomainsAreNotFound() {
        f.submit(Map.of(), "www.example.org", "www.example.com");
        EmailFixture.Link link = f.linkIn(f.mailTo("admin@example.org"));
        String token = f.confirmation.view(link.requestId(), link.domain(), link.value()).formToken();
        f.confirmation.confirm(link.requestId(), link.domain(), link.value(), token);

        assertFailure(Reason.USED, () -> f.confirmation.confirm(link.requestId(), link.domain(), link.value(), token));
        assertFailure(Reason.USED, () -> f.confirmation.view(link.requestId(), link.domain(), link.value()));
        assertFailure(Reason.UNKNOWN, () -> f.confirmation.view("no-such-request", link.domain(), link.value()));
        assertFailure(Reason.UNKNOWN, () -> f.confirmation.view(link.requestId(), "example.net", link.value()));
    }

    @Test
    void aDecidedRequestTakesNoMoreConfirmations() {
        CertificateRequest request = f.submit(Map.of(), "www.example.org");
        EmailFixture.Link link = f.linkIn(f.mailTo("admin@example.org"));
        f.decisions.reject(request.id(), "cli", "duplicate");

        assertFailure(Reason.CLOSED, () -> f.confirmation.view(link.requestId(), link.domain(), link.value()));
        assertThat(f.certificates.size()).isZero();
    }

    private static void assertRefused(ErrorType type, String message, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CachetException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static void assertFailure(Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailure.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
