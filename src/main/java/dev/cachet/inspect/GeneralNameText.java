package dev.cachet.inspect;

import dev.cachet.csr.SubjectAltNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * GeneralNames (RFC 5280 §4.2.1.6) as text: DNS names, IP and e-mail addresses as Cachet writes
 * them ({@code dns:example.org}), any other kind shown raw with its type, never an error.
 */
final class GeneralNameText {

    private GeneralNameText() {
    }

    /** @return each name as text, in order */
    static List<String> all(GeneralNames names) {
        List<String> texts = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            texts.add(format(name));
        }
        return texts;
    }

    /** @return a URI as it is, any other kind of name as {@link #format} writes it */
    static String location(GeneralName name) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            return string(name.getName());
        }
        return format(name);
    }

    /** @return the name with its type, such as {@code dns:example.org} or {@code uri:https://example.org/} */
    static String format(GeneralName name) {
        switch (name.getTagNo()) {
            case GeneralName.dNSName:
            case GeneralName.rfc822Name:
            case GeneralName.iPAddress:
                return identifier(name);
            case GeneralName.uniformResourceIdentifier:
                return "uri:" + string(name.getName());
            case GeneralName.directoryName:
                return "dirName:" + Formats.name(X500Name.getInstance(name.getName()));
            case GeneralName.registeredID:
                return "rid:" + name.getName();
            case GeneralName.otherName:
                OtherName other = OtherName.getInstance(name.getName());
                return "otherName:" + other.getTypeID().getId() + "=" + string(other.getValue());
            case GeneralName.x400Address:
                return "x400Address:" + der(name.getName());
            default:
                return "ediPartyName:" + der(name.getName());
        }
    }

    /** A name Cachet certifies, syntax-checked by {@link SubjectAltNames}; shown raw when the check fails. */
    private static String identifier(GeneralName name) {
        try {
            return SubjectAltNames.decode(new GeneralNames(name)).get(0).toString();
        } catch (RuntimeException e) {
            String type = name.getTagNo() == GeneralName.dNSName ? "dns:"
                    : name.getTagNo() == GeneralName.rfc822Name ? "email:" : "ip:";
            return type + string(name.getName()) + " (invalid)";
        }
    }

    private static String string(ASN1Encodable value) {
        if (value instanceof ASN1String) {
            return ((ASN1String) value).getString();
        }
        if (value instanceof ASN1OctetString) {
            return Formats.hex(((ASN1OctetString) value).getOctets());
        }
        return der(value);
    }

    private static String der(ASN1Encodable value) {
        try {
            return Formats.hex(value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            return "(unencodable)";
        }
    }
}
