package dev.cachet.verify;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Reads the extensions the JDK's certificate class has no accessor for, with Bouncy Castle's
 * ASN.1 types. A malformed extension reads as absent: the PKIX validator judges it later.
 */
final class ExtensionReader {

    private ExtensionReader() {
    }

    /** RFC 5280 §4.2.1.2. */
    static Optional<SubjectKeyIdentifier> subjectKeyIdentifier(X509Certificate certificate) {
        return value(certificate, Extension.subjectKeyIdentifier, SubjectKeyIdentifier::getInstance);
    }

    /** RFC 5280 §4.2.1.1. */
    static Optional<AuthorityKeyIdentifier> authorityKeyIdentifier(X509Certificate certificate) {
        return value(certificate, Extension.authorityKeyIdentifier, AuthorityKeyIdentifier::getInstance);
    }

    /** RFC 5280 §4.2.2.1. */
    static Optional<AuthorityInformationAccess> authorityInformationAccess(X509Certificate certificate) {
        return value(certificate, Extension.authorityInfoAccess, AuthorityInformationAccess::getInstance);
    }

    /** RFC 5280 §4.2.1.6. */
    static Optional<GeneralNames> subjectAltNames(X509Certificate certificate) {
        return value(certificate, Extension.subjectAlternativeName, GeneralNames::getInstance);
    }

    private static <T> Optional<T> value(X509Certificate certificate, ASN1ObjectIdentifier oid,
            Function<ASN1Primitive, T> parser) {
        byte[] wrapped = certificate.getExtensionValue(oid.getId());
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped)
                    .getOctets())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
