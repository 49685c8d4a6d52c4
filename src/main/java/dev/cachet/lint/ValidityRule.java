package dev.cachet.lint;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The validity period (RFC 5280 §4.1.2.5, inclusive of both ends) is positive, no longer than the
 * profile allows (BR 6.3.2 for public trust), and ends before the issuing CA certificate does.
 */
final class ValidityRule implements LintRule {
    private static final Duration MAX_BACKDATE = Duration.ofHours(1);

    @Override
    public String name() {
        return "validity";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (!notAfter.isAfter(notBefore)) {
            return Optional.of("notAfter is not after notBefore");
        }
        Duration period = Duration.between(notBefore, notAfter).plusSeconds(1);
        if (period.compareTo(Duration.ofDays(context.maxValidityDays())) > 0) {
            return Optional.of("validity of " + period.toDays() + " days exceeds the maximum of "
                    + context.maxValidityDays());
        }
        if (notBefore.isBefore(context.issuedAt().minus(MAX_BACKDATE))) {
            return Optional.of("notBefore is backdated by more than one hour");
        }
        if (notAfter.isAfter(context.issuerNotAfter())) {
            return Optional.of("the certificate would outlive its issuer (which expires " + context.issuerNotAfter()
                    + ")");
        }
        return Optional.empty();
    }
}
