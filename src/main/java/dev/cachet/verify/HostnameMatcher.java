package dev.cachet.verify;

import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Matches a host against a certificate's subjectAltNames as RFC 6125 §6.4 says: a DNS name
 * against dNSName entries, case-insensitively, where a wildcard is only the whole leftmost label,
 * matches exactly one label, and needs two labels after it (so never {@code *.com}); an IP address
 * against iPAddress entries (RFC 5280 §4.2.1.6), both as the JDK normalises them, so that
 * {@code 2001:db8::1} and {@code 2001:0db8:0:0::1} are one address. The subject CN is ignored, as
 * browsers do: Cachet puts every host name in the subjectAltName.
 */
public final class HostnameMatcher {
    private static final String WILDCARD = "*";
    /** A wildcard needs at least this many labels, itself included: {@code *.example.org}. */
    private static final int MIN_WILDCARD_LABELS = 3;

    private HostnameMatcher() {
    }

    /**
     * Tells whether a certificate names a host.
     *
     * @param certificate the leaf certificate
     * @param host a DNS name (possibly internationalised, possibly with a final dot) or an IPv4 or
     *     IPv6 address (possibly in brackets); a wildcard never matches
     * @return true when a subjectAltName matches
     */
    public static boolean matches(X509Certificate certificate, String host) {
        Optional<Identifier> reference = reference(host);
        if (reference.isEmpty() || reference.get().isWildcard()) {
            return false;
        }
        String value = reference.get().value();
        boolean ip = reference.get().type() == Identifier.Type.IP;
        for (GeneralName name : subjectAltNames(certificate)) {
            if (ip && name.getTagNo() == GeneralName.iPAddress) {
                if (ipAddress(name).filter(value::equals).isPresent()) {
                    return true;
                }
            } else if (!ip && name.getTagNo() == GeneralName.dNSName
                    && matchesDnsName(((ASN1String) name.getName()).getString(), value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lists the names a certificate presents, for messages.
     *
     * @param certificate the certificate
     * @return its dNSName and iPAddress subjectAltNames, in order
     */
    public static List<String> presentedNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        for (GeneralName name : subjectAltNames(certificate)) {
            if (name.getTagNo() == GeneralName.dNSName) {
                names.add(CertificateNames.clean(((ASN1String) name.getName()).getString()));
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                ipAddress(name).ifPresent(names::add);
            }
        }
        return names;
    }

    /** RFC 6125 §6.4.1 to §6.4.3, for a reference name already in lower-case A-labels. */
    static boolean matchesDnsName(String presented, String reference) {
        String[] patternLabels = labels(presented);
        String[] hostLabels = labels(reference);
        if (patternLabels.length != hostLabels.length) {
            return false;
        }
        for (int i = 0; i < patternLabels.length; i++) {
            boolean wildcard = i == 0 && WILDCARD.equals(patternLabels[0])
                    && patternLabels.length >= MIN_WILDCARD_LABELS;
            if (hostLabels[i].isEmpty() || !(wildcard || patternLabels[i].equals(hostLabels[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Identifier> reference(String host) {
        String name = host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        } else if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // an absolute name names the same host
        }
        return Identifiers.parseHost(name);
    }

    private static String[] labels(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String relative = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        return relative.split("\\.", -1);
    }

    private static Optional<String> ipAddress(GeneralName name) {
        byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
        if (octets.length != 4 && octets.length != 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(octets).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static List<GeneralName> subjectAltNames(X509Certificate certificate) {
        return ExtensionReader.subjectAltNames(certificate).map(names -> List.of(names.getNames()))
                .orElse(List.of());
    }
}
