package dev.cachet.lint;

import dev.cachet.policy.PublicTrustValidity;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A publicly trusted certificate lasts no longer than the CA/Browser Forum maximum in force on its
 * issue date (BR 6.3.2 as amended by ballot SC-081: 398, 200, 100 then 47 days), whatever the
 * profile says.
 */
final class PublicTrustValidityRule implements LintRule {
    private static final long SECONDS_PER_DAY = 86_400;

    @Override
    public String name() {
        return "public_trust_validity";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        if (!context.publicTrust()) {
            return Optional.empty();
        }
        int max = PublicTrustValidity.maxDays(context.issuedAt());
        Duration period = Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant()).plusSeconds(1);
        if (period.compareTo(Duration.ofDays(max)) > 0) {
            long days = (period.getSeconds() + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY;
            return Optional.of("validity of " + days + " days exceeds the CA/Browser Forum maximum of "
                    + max + " days in force on " + context.issuedAt().toString().substring(0, 10) + " (BR 6.3.2)");
        }
        return Optional.empty();
    }
}
