package dev.cachet.lint;

import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * No extension Cachet does not know is critical: a relying party must reject a certificate with a
 * critical extension it does not recognise (RFC 5280 §4.2), and BR 7.1.2.7.6 lists which
 * subscriber certificate extensions may be critical.
 */
final class CriticalExtensionsRule implements LintRule {
    private static final Set<ASN1ObjectIdentifier> MAY_BE_CRITICAL = Set.of(Extension.basicConstraints,
            Extension.keyUsage, Extension.subjectAlternativeName);

    @Override
    public String name() {
        return "critical_extensions";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        for (Object critical : certificate.getCriticalExtensionOIDs()) {
            ASN1ObjectIdentifier oid = (ASN1ObjectIdentifier) critical;
            if (!MAY_BE_CRITICAL.contains(oid)) {
                return Optional.of("extension " + oid.getId() + " must not be critical");
            }
        }
        return Optional.empty();
    }
}
