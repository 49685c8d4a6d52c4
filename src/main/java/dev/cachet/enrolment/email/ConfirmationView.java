package dev.cachet.enrolment.email;

import dev.cachet.store.requests.CertificateRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * What the confirmation page shows before the domain's owner decides.
 *
 * @param request the request: names, requester, key fingerprint
 * @param domain the base domain being validated
 * @param address the address the value was mailed to
 * @param expiresAt when the value expires
 * @param formToken the anti-CSRF token the form must send back
 */
public record ConfirmationView(CertificateRequest request, String domain, String address, Instant expiresAt,
        String formToken) {

    /** Checks the fields. */
    public ConfirmationView {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(formToken, "formToken");
    }
}
