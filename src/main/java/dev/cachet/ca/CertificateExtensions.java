package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/** The key identifier extensions and a checked way of adding extensions to a certificate builder. */
final class CertificateExtensions {

    private CertificateExtensions() {
    }

    /** RFC 5280 §4.2.1.2 method (1): the SHA-1 hash of the subjectPublicKey bits. */
    static SubjectKeyIdentifier subjectKeyIdentifier(SubjectPublicKeyInfo key) {
        return utils().createSubjectKeyIdentifier(key);
    }

    /** RFC 5280 §4.2.1.1: the issuer's subject key identifier. */
    static AuthorityKeyIdentifier authorityKeyIdentifier(X509CertificateHolder issuer) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
        if (ski != null) {
            return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
        }
        return utils().createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo());
    }

    static void add(X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid,
            boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode extension " + oid, e);
        }
    }

    static void addKeyIdentifiers(X509v3CertificateBuilder builder, SubjectPublicKeyInfo key,
            X509CertificateHolder issuer) {
        add(builder, Extension.subjectKeyIdentifier, false, subjectKeyIdentifier(key));
        if (issuer != null) {
            add(builder, Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(issuer));
        }
    }

    /** RFC 5280 §4.2.2.1 (AIA: OCSP and caIssuers) and §4.2.1.13 (CRL distribution point). */
    static void addRevocationUrls(X509v3CertificateBuilder builder, IssuerUrls urls) {
        add(builder, Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_ocsp, uri(urls.ocsp())),
            new AccessDescription(AccessDescription.id_ad_caIssuers, uri(urls.caIssuers()))}));
        DistributionPointName name = new DistributionPointName(new GeneralNames(uri(urls.crl())));
        add(builder, Extension.cRLDistributionPoints, false,
                new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static BcX509ExtensionUtils utils() {
        return new BcX509ExtensionUtils();
    }

}
