package dev.cachet.lint;

import java.util.Optional;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A subscriber certificate is no CA (RFC 5280 §4.2.1.9), has a critical key usage without
 * keyCertSign or cRLSign (§4.2.1.3, BR 7.1.2.7.11), and an extended key usage (BR 7.1.2.7.10).
 */
final class LeafConstraintsRule implements LintRule {

    @Override
    public String name() {
        return "leaf_constraints";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
        if (constraints != null && constraints.isCA()) {
            return Optional.of("a subscriber certificate must not be a CA");
        }
        Extension keyUsage = certificate.getExtension(Extension.keyUsage);
        if (keyUsage == null || !keyUsage.isCritical()) {
            return Optional.of("keyUsage must be present and critical");
        }
        KeyUsage usage = KeyUsage.getInstance(keyUsage.getParsedValue());
        if (usage.hasUsages(KeyUsage.keyCertSign) || usage.hasUsages(KeyUsage.cRLSign)) {
            return Optional.of("a subscriber certificate must not have keyCertSign or cRLSign");
        }
        if (certificate.getExtension(Extension.extendedKeyUsage) == null) {
            return Optional.of("extendedKeyUsage is missing");
        }
        return Optional.empty();
    }
}
