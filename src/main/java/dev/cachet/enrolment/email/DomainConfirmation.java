package dev.cachet.enrolment.email;

import dev.cachet.enrolment.email.ValidationFailure.Reason;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.DomainStatus;
import dev.cachet.store.requests.DomainValidation;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.store.requests.ValidatedDomain;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The domain owner's side of BR 3.2.2.4.4: look at a request with the mailed value (changes
 * nothing: mail scanners open links), then confirm or reject it with the value and the form's
 * anti-CSRF token. A value is single use, expires, and a limited number of wrong ones locks the
 * domain's validation.
 */
public final class DomainConfirmation {
    private final RequestContext context;
    private final RequestIssuance issuance;

    /**
     * Creates the step.
     *
     * @param context the shared parts
     * @param issuance issues the request once every domain is validated
     */
    public DomainConfirmation(RequestContext context, RequestIssuance issuance) {
        this.context = Objects.requireNonNull(context, "context");
        this.issuance = Objects.requireNonNull(issuance, "issuance");
    }

    /**
     * Shows a request to the owner of one of its domains; reads only.
     *
     * @param requestId the request
     * @param domain the base domain
     * @param value the value from the mail
     * @return what to show, with the form token
     */
    public ConfirmationView view(String requestId, String domain, String value) {
        Target target = open(requestId, domain);
        if (!ValidationSecrets.matches(value, target.validation().valueSha256().orElseThrow())) {
            throw new ValidationFailure(Reason.WRONG_VALUE, "this link's validation value is wrong");
        }
        return new ConfirmationView(target.request(), domain, target.validation().address(),
                target.validation().expiresAt(), formToken(target.validation(), value));
    }

    /**
     * Confirms control of a domain; issues the request when it was the last one.
     *
     * @param requestId the request
     * @param domain the base domain
     * @param value the value from the mail
     * @param formToken the form's anti-CSRF token
     * @return the request as it stands afterwards
     */
    public CertificateRequest confirm(String requestId, String domain, String value, String formToken) {
        Target target = check(requestId, domain, value, formToken);
        Instant now = context.clock().instant();
        if (!context.requests().transitionDomain(requestId, domain, DomainStatus.PENDING, DomainStatus.VALIDATED,
                now)) {
            throw new ValidationFailure(Reason.USED, "this validation value was used already");
        }
        DomainValidation validation = target.validation();
        context.requests().recordValidated(new ValidatedDomain(domain, "email", validation.address(), now,
                requestId));
        context.audit(validation.address(), "request.domain-validated", requestId, Map.of("domain", domain,
                "method", "email (BR 3.2.2.4.4)", "address", validation.address()));
        boolean allValidated = context.requests().domains(requestId).stream()
                .allMatch(d -> d.status() == DomainStatus.VALIDATED);
        if (allValidated && context.requests().transition(requestId, RequestStatus.PENDING_VALIDATION,
                RequestStatus.APPROVED, now, "email-validation", null)) {
            context.audit("email-validation", "request.approved", requestId, Map.of());
        }
        return issuance.issueIfApproved(requestId).orElseThrow();
    }

    /**
     * Rejects a request as the owner of one of its domains: no certificate is issued.
     *
     * @param requestId the request
     * @param domain the base domain
     * @param value the value from the mail
     * @param formToken the form's anti-CSRF token
     * @return the request as it stands afterwards
     */
    public CertificateRequest reject(String requestId, String domain, String value, String formToken) {
        Target target = check(requestId, domain, value, formToken);
        Instant now = context.clock().instant();
        String address = target.validation().address();
        if (!context.requests().transitionDomain(requestId, domain, DomainStatus.PENDING, DomainStatus.REJECTED,
                now)) {
            throw new ValidationFailure(Reason.USED, "this validation value was used already");
        }
        String reason = "rejected by " + address;
        if (context.requests().transition(requestId, RequestStatus.PENDING_VALIDATION, RequestStatus.REJECTED, now,
                address, reason)) {
            context.audit(address, "request.rejected", requestId, Map.of("domain", domain));
            CertificateRequest request = target.request();
            context.notifyRequester(request, MailTexts.refusedSubject(request, "rejected"), MailTexts.refusedBody(
                    request, "rejected", reason, context.settings().statusUrl(requestId)));
        }
        return context.requests().find(requestId).orElseThrow();
    }

    /** The checks of a decision: state, expiry, form token and value; a wrong one counts as an attempt. */
    private Target check(String requestId, String domain, String value, String formToken) {
        Target target = open(requestId, domain);
        DomainValidation validation = target.validation();
        boolean valueOk = ValidationSecrets.matches(value, validation.valueSha256().orElseThrow());
        boolean tokenOk = valueOk && ValidationSecrets.sameToken(formToken(validation, value), formToken);
        if (!tokenOk) {
            int attempts = context.requests().countFailedAttempt(requestId, domain);
            context.audit("anonymous", "request.wrong-value", requestId, Map.of("domain", domain,
                    "attempts", Integer.toString(attempts)));
            if (attempts >= context.settings().maxAttempts() && context.requests().transitionDomain(requestId, domain,
                    DomainStatus.PENDING, DomainStatus.LOCKED, context.clock().instant())) {
                context.audit("system", "request.domain-locked", requestId, Map.of("domain", domain));
            }
            throw new ValidationFailure(Reason.WRONG_VALUE, valueOk ? "the form's security token is wrong; open the"
                    + " link from the mail again" : "the validation value is wrong");
        }
        return target;
    }

    /** The request and validation, refused when unknown, decided, used, locked or expired. */
    private Target open(String requestId, String domain) {
        CertificateRequest request = context.requests().find(requestId).orElseThrow(() -> new ValidationFailure(
                Reason.UNKNOWN, "no certificate request " + requestId));
        DomainValidation validation = context.requests().domains(requestId).stream()
                .filter(d -> d.domain().equals(domain)).findFirst().orElseThrow(() -> new ValidationFailure(
                        Reason.UNKNOWN, "request " + requestId + " does not validate " + domain));
        if (validation.valueSha256().isEmpty() || validation.status() == DomainStatus.VALIDATED
                || validation.status() == DomainStatus.REJECTED) {
            throw new ValidationFailure(Reason.USED, "this validation value was used already (" + domain + " is "
                    + validation.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        if (request.status() != RequestStatus.PENDING_VALIDATION) {
            throw new ValidationFailure(Reason.CLOSED, "this request is " + request.status().id() + " already");
        }
        if (validation.status() == DomainStatus.LOCKED) {
            throw new ValidationFailure(Reason.LOCKED, "too many wrong values were tried for " + domain
                    + "; an operator must decide this request now");
        }
        if (!context.clock().instant().isBefore(validation.expiresAt())) {
            throw new ValidationFailure(Reason.EXPIRED, "this validation value expired at " + validation.expiresAt());
        }
        return new Target(request, validation);
    }

    private static String formToken(DomainValidation validation, String value) {
        return ValidationSecrets.formToken(validation.formKey().orElseThrow(), validation.requestId(),
                validation.domain(), value);
    }

    /** A request and one of its domain validations. */
    private record Target(CertificateRequest request, DomainValidation validation) {
    }
}
