package dev.cachet.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to verify: a leaf, the untrusted certificates that came with it, the trust anchors, and
 * optionally a host, a time and a purpose.
 *
 * @param leaf the certificate to verify
 * @param untrusted intermediates that may complete the chain, in any order; never trusted by themselves
 * @param trustAnchors the trusted certificates, usually self-signed roots (RFC 5280 §6.1.1 (d))
 * @param host a DNS name or IP address the leaf must name, if any
 * @param time the time to verify at; empty means now
 * @param purpose the use to check; empty means {@link Purpose#defaultFor}
 */
public record VerificationRequest(X509Certificate leaf, List<X509Certificate> untrusted,
        List<X509Certificate> trustAnchors, Optional<String> host, Optional<Instant> time,
        Optional<Purpose> purpose) {

    /** Checks the fields and copies the lists. */
    public VerificationRequest {
        Objects.requireNonNull(leaf, "leaf");
        untrusted = List.copyOf(untrusted);
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(purpose, "purpose");
    }

    /**
     * Creates a request without host, time or purpose.
     *
     * @param leaf the certificate to verify
     * @param untrusted intermediates, in any order
     * @param trustAnchors the trusted certificates
     * @return the request
     */
    public static VerificationRequest of(X509Certificate leaf, List<X509Certificate> untrusted,
            List<X509Certificate> trustAnchors) {
        return new VerificationRequest(leaf, untrusted, trustAnchors, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Returns a copy that also matches a host.
     *
     * @param name a DNS name or an IP address
     * @return the new request
     */
    public VerificationRequest withHost(String name) {
        return new VerificationRequest(leaf, untrusted, trustAnchors, Optional.of(name), time, purpose);
    }

    /**
     * Returns a copy that verifies at another time.
     *
     * @param instant the time
     * @return the new request
     */
    public VerificationRequest withTime(Instant instant) {
        return new VerificationRequest(leaf, untrusted, trustAnchors, host, Optional.of(instant), purpose);
    }

    /**
     * Returns a copy that checks a purpose.
     *
     * @param use the purpose
     * @return the new request
     */
    public VerificationRequest withPurpose(Purpose use) {
        return new VerificationRequest(leaf, untrusted, trustAnchors, host, time, Optional.of(use));
    }

    /** @return the purpose asked for, or the default for whether a host is given */
    public Purpose effectivePurpose() {
        return purpose.orElse(Purpose.defaultFor(host.isPresent()));
    }
}
