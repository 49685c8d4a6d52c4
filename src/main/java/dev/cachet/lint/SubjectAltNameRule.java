package dev.cachet.lint;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A TLS server certificate names its hosts in subjectAltName (BR 7.1.2.7.12); its common name,
 * if any, is one of them (BR 7.1.4.3); the extension is critical when the subject is empty
 * (RFC 5280 §4.2.1.6).
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
        GeneralNames names = GeneralNames.getInstance(extension.getParsedValue());
        if (names.getNames().length == 0) {
            return Optional.of("empty subjectAltName");
        }
        RDN[] commonNames = certificate.getSubject().getRDNs(BCStyle.CN);
        if (context.tlsServer() && commonNames.length > 0) {
            String cn = IETFUtils.valueToString(commonNames[0].getFirst().getValue());
            if (!texts(names).contains(cn.toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of("the common name '" + cn + "' is not among the subjectAltNames");
            }
        }
        return Optional.empty();
    }

    private static Set<String> texts(GeneralNames names) {
        return Arrays.stream(names.getNames()).map(SubjectAltNameRule::text).collect(Collectors.toSet());
    }

    private static String text(GeneralName name) {
        if (name.getTagNo() == GeneralName.iPAddress) {
            try {
                byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
                return java.net.InetAddress.getByAddress(octets).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return "";
            }
        }
        return name.getName() instanceof ASN1String
                ? ((ASN1String) name.getName()).getString().toLowerCase(java.util.Locale.ROOT) : "";
    }
}
