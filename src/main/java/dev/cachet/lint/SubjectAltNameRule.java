package dev.cachet.lint;

import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A TLS server certificate names its hosts in subjectAltName (BR 7.1.2.7.12); the extension holds
 * at least one name and is critical when the subject is empty (RFC 5280 §4.2.1.6).
 */
final class SubjectAltNameRule implements LintRule {

    @Override
    public String name() {
        return "subject_alt_name";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        Extension extension = certificate.getExtension(Extension.subjectAlternativeName);
        boolean emptySubject = certificate.getSubject().getRDNs().length == 0;
        if (extension == null) {
            return context.tlsServer() || emptySubject
                    ? Optional.of("no subjectAltName extension") : Optional.empty();
        }
        if (emptySubject && !extension.isCritical()) {
            return Optional.of("subjectAltName must be critical when the subject is empty");
        }
        if (GeneralNames.getInstance(extension.getParsedValue()).getNames().length == 0) {
            return Optional.of("empty subjectAltName");
        }
        return Optional.empty();
    }
}
