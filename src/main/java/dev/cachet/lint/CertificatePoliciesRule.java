package dev.cachet.lint;

import java.util.Optional;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A publicly trusted subscriber certificate asserts one CA/Browser Forum reserved policy
 * identifier under {@code 2.23.140.1.2} (BR 7.1.2.7.9 and 7.1.6.1).
 */
final class CertificatePoliciesRule implements LintRule {
    private static final String RESERVED_TLS_POLICIES = "2.23.140.1.2.";

    @Override
    public String name() {
        return "certificate_policies";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        if (!context.publicTrust()) {
            return Optional.empty();
        }
        CertificatePolicies policies = CertificatePolicies.fromExtensions(certificate.getExtensions());
        long reserved = policies == null ? 0 : java.util.Arrays.stream(policies.getPolicyInformation())
                .map(PolicyInformation::getPolicyIdentifier)
                .filter(oid -> oid.getId().startsWith(RESERVED_TLS_POLICIES)).count();
        if (reserved != 1) {
            return Optional.of("a publicly trusted certificate asserts exactly one CA/Browser Forum policy"
                    + " (2.23.140.1.2.x); found " + reserved);
        }
        return Optional.empty();
    }
}
