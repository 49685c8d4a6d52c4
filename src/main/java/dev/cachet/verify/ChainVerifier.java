package dev.cachet.verify;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a certificate: builds its path to a trust anchor, checks each certificate's validity
 * period and CA rights, validates the path with the JDK's PKIX validator (revocation not checked),
 * then checks the purpose and the host name. The first failure decides the verdict.
 */
public final class ChainVerifier {
    /** A mismatch message lists this many of the leaf's names, keeping the line short. */
    private static final int MAX_NAMES = 5;

    private final Clock clock;

    /**
     * Creates a verifier.
     *
     * @param clock gives the time to verify at when a request has none
     */
    public ChainVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies a certificate.
     *
     * @param request the certificates, trust anchors, and optional host, time and purpose
     * @return the verdict, a one-line message and the chain
     */
    public VerificationResult verify(VerificationRequest request) {
        Instant time = request.time().orElseGet(clock::instant);
        Purpose purpose = request.effectivePurpose();
        PathBuilder builder = new PathBuilder(request.trustAnchors(), request.untrusted());
        try {
            List<X509Certificate> chain = builder.build(request.leaf());
            ValidityCheck.check(chain, time);
            IssuerRights.check(chain);
            PkixValidation.validate(chain, time);
            PurposeCheck.check(chain, purpose);
            checkHost(request.leaf(), request.host());
            return trusted(request, chain);
        } catch (Rejection rejection) {
            return new VerificationResult(rejection.verdict(), rejection.getMessage(), builder.path());
        }
    }

    private static void checkHost(X509Certificate leaf, Optional<String> host) throws Rejection {
        if (host.isEmpty() || HostnameMatcher.matches(leaf, host.get())) {
            return;
        }
        List<String> names = HostnameMatcher.presentedNames(leaf);
        String presented = names.isEmpty() ? "the certificate has no DNS name or IP address"
                : "the certificate names " + String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES)))
                        + (names.size() > MAX_NAMES ? " and " + (names.size() - MAX_NAMES) + " more" : "");
        throw new Rejection(Verdict.NAME_MISMATCH, ": " + CertificateNames.clean(host.get()) + " is not covered; "
                + presented, leaf);
    }

    private static VerificationResult trusted(VerificationRequest request, List<X509Certificate> chain) {
        X509Certificate leaf = request.leaf();
        StringBuilder message = new StringBuilder(Verdict.TRUSTED.phrase()).append(" (")
                .append(CertificateNames.label(leaf))
                .append(", chain: ").append(CertificateNames.chain(chain))
                .append("; valid until ").append(LocalDate.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC));
        request.purpose().ifPresent(purpose -> message.append("; purpose ").append(purpose));
        request.host().ifPresent(host -> message.append("; host ").append(CertificateNames.clean(host))
                .append(" matches"));
        return new VerificationResult(Verdict.TRUSTED, message.append(')').toString(), chain);
    }
}
