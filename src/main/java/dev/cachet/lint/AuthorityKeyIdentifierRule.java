package dev.cachet.lint;

import java.util.Optional;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;

/** authorityKeyIdentifier is present, not critical, with a keyIdentifier (RFC 5280 §4.2.1.1, BR 7.1.2.11.1). */
final class AuthorityKeyIdentifierRule implements LintRule {

    @Override
    public String name() {
        return "authority_key_identifier";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        Extension extension = certificate.getExtension(Extension.authorityKeyIdentifier);
        if (extension == null || extension.isCritical()) {
            return Optional.of("authorityKeyIdentifier must be present and not critical");
        }
        if (AuthorityKeyIdentifier.getInstance(extension.getParsedValue()).getKeyIdentifierObject() == null) {
            return Optional.of("authorityKeyIdentifier has no keyIdentifier");
        }
        return Optional.empty();
    }
}
