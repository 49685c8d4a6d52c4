package dev.cachet.lint;

import java.util.Optional;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;

/** A subscriber certificate is no CA (RFC 5280 §4.2.1.9, BR 7.1.2.7.8). */
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
        return Optional.empty();
    }
}
