package dev.cachet.validation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import java.io.IOException;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The checks of RFC 8737 §3 on a tls-alpn-01 validation certificate: exactly one subjectAltName,
 * the identifier (a dNSName, or an iPAddress for RFC 8738); and a critical
 * {@code id-pe-acmeIdentifier} extension whose value is an OCTET STRING holding SHA-256 of the key
 * authorization.
 */
final class AcmeTlsCertificate {
    /** id-pe-acmeIdentifier (RFC 8737 §6.1). */
    static final ASN1ObjectIdentifier ACME_IDENTIFIER = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");

    private AcmeTlsCertificate() {
    }

    static void check(X509Certificate certificate, Identifier identifier, InetAddress address, byte[] digest,
            String at) {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(certificate.getEncoded());
            checkNames(holder, identifier, address, at);
            checkDigest(holder, digest, at);
        } catch (CertificateEncodingException | IOException | IllegalArgumentException | IllegalStateException
                | ClassCastException e) {
            throw wrong(at, "the certificate cannot be parsed: " + e.getMessage());
        }
    }

    private static void checkNames(X509CertificateHolder holder, Identifier identifier, InetAddress address,
            String at) {
        Extension extension = holder.getExtension(Extension.subjectAlternativeName);
        if (extension == null) {
            throw wrong(at, "the certificate has no subjectAltName extension; it must name " + identifier.value());
        }
        GeneralName[] names = GeneralNames.getInstance(extension.getParsedValue()).getNames();
        if (names.length != 1 || !matches(names[0], identifier, address)) {
            throw wrong(at, "the certificate must have exactly one subjectAltName, " + identifier.value()
                    + "; it has " + describe(names));
        }
    }

    private static boolean matches(GeneralName name, Identifier identifier, InetAddress address) {
        if (address != null) {
            return name.getTagNo() == GeneralName.iPAddress
                    && MessageDigest.isEqual(ASN1OctetString.getInstance(name.getName()).getOctets(),
                            address.getAddress());
        }
        return name.getTagNo() == GeneralName.dNSName
                && ASN1IA5String.getInstance(name.getName()).getString().toLowerCase(Locale.ROOT)
                        .equals(identifier.value());
    }

    private static void checkDigest(X509CertificateHolder holder, byte[] digest, String at) {
        Extension extension = holder.getExtension(ACME_IDENTIFIER);
        if (extension == null) {
            throw wrong(at, "the certificate has no acmeIdentifier extension (" + ACME_IDENTIFIER + ")");
        }
        if (!extension.isCritical()) {
            throw wrong(at, "the acmeIdentifier extension must be critical");
        }
        byte[] found = ASN1OctetString.getInstance(extension.getParsedValue()).getOctets();
        if (!MessageDigest.isEqual(found, digest)) {
            throw wrong(at, "the acmeIdentifier extension holds " + hex(found) + ", expected " + hex(digest)
                    + " (SHA-256 of the key authorization)");
        }
    }

    private static String describe(GeneralName[] names) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < names.length && i < 4; i++) {
            shown.add(names[i].toString().replace('\n', ' '));
        }
        return names.length == 0 ? "none" : String.join(", ", shown) + (names.length > 4 ? " and "
                + (names.length - 4) + " more" : "");
    }

    private static String hex(byte[] bytes) {
        String text = HexFormat.of().formatHex(bytes);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static CachetException wrong(String at, String why) {
        return new CachetException(ErrorType.INCORRECT_RESPONSE, "incorrect validation certificate for "
                + "tls-alpn-01 from " + at + ": " + why);
    }
}
