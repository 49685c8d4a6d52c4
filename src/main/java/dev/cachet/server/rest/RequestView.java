package dev.cachet.server.rest;

import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.DomainValidation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A certificate request as the REST API shows it. The status URL is readable without a token (its
 * random id is the capability), so the requester's contact address appears only to operators.
 *
 * @param id the request id
 * @param status such as {@code pending-validation} or {@code issued}
 * @param statusUrl where to poll it
 * @param names the DNS names
 * @param profile the certificate profile
 * @param requester who asked
 * @param contact the requester's address (operators only), or null
 * @param keyFingerprint the SHA-256 of the public key
 * @param createdAt when it was made
 * @param domains how each base domain stands
 * @param reason why it was rejected or failed, or null
 * @param serial the certificate's serial once issued, or null
 * @param certificate the PEM once issued, or null
 * @param chain the PEM chain once issued, or null
 */
record RequestView(String id, String status, String statusUrl, List<String> names, String profile, String requester,
        String contact, String keyFingerprint, Instant createdAt, List<Domain> domains, String reason, String serial,
        String certificate, String chain) {

    /**
     * One base domain's validation.
     *
     * @param domain the base domain
     * @param address the constructed address mailed
     * @param status pending, validated, rejected or locked
     * @param method email or reused
     * @param expiresAt when the mailed value expires
     * @param validatedAt when it was validated, or null
     */
    record Domain(String domain, String address, String status, String method, Instant expiresAt,
            Instant validatedAt) {
        static Domain of(DomainValidation d) {
            return new Domain(d.domain(), d.address(), d.status().name().toLowerCase(Locale.ROOT), d.method(),
                    d.expiresAt(), d.validatedAt().orElse(null));
        }
    }

    static RequestView of(CertificateRequest r, List<DomainValidation> domains, String statusUrl, boolean operator,
            String certificate, String chain) {
        return new RequestView(r.id(), r.status().id(), statusUrl, r.names(), r.profile(), r.requester(),
                operator ? r.contact() : null, r.keyFingerprint(), r.createdAt(),
                domains.stream().map(Domain::of).toList(), r.reason().orElse(null),
                r.certificateSerial().map(s -> s.toString(16)).orElse(null), certificate, chain);
    }
}
