package dev.cachet.lint;

import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The subject common name of a TLS server certificate is optional; when present there is one, and
 * it is one of the subjectAltNames (BR 7.1.2.7.2 and 7.1.4.3; an IP address in its textual form).
 */
final class CommonNameRule implements LintRule {

    @Override
    public String name() {
        return "common_name";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        RDN[] commonNames = certificate.getSubject().getRDNs(BCStyle.CN);
        if (!context.tlsServer() || commonNames.length == 0) {
            return Optional.empty();
        }
        if (commonNames.length > 1) {
            return Optional.of("the subject has more than one common name");
        }
        String cn = IETFUtils.valueToString(commonNames[0].getFirst().getValue());
        Optional<Identifier> host = Identifiers.parseHost(cn);
        List<Identifier> sans = Sans.identifiers(certificate);
        if (host.isEmpty() || !sans.contains(host.get())) {
            return Optional.of("the common name '" + cn + "' is not among the subjectAltNames");
        }
        if (host.get().type() == Identifier.Type.DNS && !cn.equals(host.get().value())) {
            return Optional.of("the common name '" + cn + "' is not a copy of its dNSName (lower case A-labels)");
        }
        return Optional.empty();
    }
}
