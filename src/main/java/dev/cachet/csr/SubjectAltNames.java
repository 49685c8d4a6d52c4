package dev.cachet.csr;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Converts between {@link Identifier}s and the GeneralNames of a subjectAltName (RFC 5280 §4.2.1.6). */
public final class SubjectAltNames {

    private SubjectAltNames() {
    }

    /**
     * Encodes identifiers as GeneralNames.
     *
     * @param identifiers the names, in order
     * @return the GeneralNames
     */
    public static GeneralNames encode(List<Identifier> identifiers) {
        GeneralName[] names = new GeneralName[identifiers.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = encode(identifiers.get(i));
        }
        return new GeneralNames(names);
    }

    /**
     * Decodes GeneralNames, checking each one's syntax.
     *
     * @param names the GeneralNames of a CSR or certificate
     * @return the identifiers, in order
     */
    public static List<Identifier> decode(GeneralNames names) {
        List<Identifier> identifiers = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            identifiers.add(decode(name));
        }
        return identifiers;
    }

    private static GeneralName encode(Identifier identifier) {
        switch (identifier.type()) {
            case DNS:
                return new GeneralName(GeneralName.dNSName, identifier.value());
            case IP:
                return new GeneralName(GeneralName.iPAddress, identifier.value());
            case EMAIL:
                return new GeneralName(GeneralName.rfc822Name, identifier.value());
            default:
                throw new IllegalArgumentException("unknown identifier type " + identifier.type());
        }
    }

    private static Identifier decode(GeneralName name) {
        switch (name.getTagNo()) {
            case GeneralName.dNSName:
                return Identifiers.dns(((ASN1String) name.getName()).getString());
            case GeneralName.rfc822Name:
                return Identifiers.email(((ASN1String) name.getName()).getString());
            case GeneralName.iPAddress:
                return ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets());
            default:
                throw new CachetException(ErrorType.REJECTED_IDENTIFIER,
                        "unsupported subjectAltName type (tag " + name.getTagNo() + ")");
        }
    }

    private static Identifier ipAddress(byte[] octets) {
        if (octets.length != 4 && octets.length != 16) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "malformed IP address in subjectAltName");
        }
        try {
            return new Identifier(Identifier.Type.IP, InetAddress.getByAddress(octets).getHostAddress());
        } catch (UnknownHostException e) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "malformed IP address in subjectAltName", e);
        }
    }
}
