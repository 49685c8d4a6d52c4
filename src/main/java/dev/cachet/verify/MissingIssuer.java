package dev.cachet.verify;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Says why no issuer was found. The chain is incomplete when the issuer is known to be an
 * intermediate, not a root: the certificate says where to fetch its issuer (AIA caIssuers, RFC 5280
 * §4.2.2.1), or names its issuer's own issuer (AKI authorityCertIssuer, §4.2.1.1), or a certificate
 * of the issuer's name but with another key, itself not self-issued, was given (a re-keyed
 * intermediate). Otherwise the issuer is simply unknown.
 */
final class MissingIssuer {

    private MissingIssuer() {
    }

    static Rejection diagnose(X509Certificate certificate, List<X509Certificate> known) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        String issuerName = CertificateNames.distinguishedName(issuer);
        Optional<String> why = caIssuersUri(certificate).map(uri -> ", published at " + uri)
                .or(() -> issuersIssuer(certificate).map(name -> ", itself issued by " + name))
                .or(() -> sameName(issuer, known, false).map(c -> ", given only with another key"));
        if (why.isPresent()) {
            return new Rejection(Verdict.INCOMPLETE_CHAIN, ": issuer " + issuerName + why.get(), certificate);
        }
        String detail = sameName(issuer, known, true).isPresent()
                ? ": a certificate named " + issuerName + " was given, but with another key"
                : " " + issuerName + ", neither a trust anchor nor in the chain";
        return new Rejection(Verdict.UNKNOWN_ISSUER, detail, certificate);
    }

    private static Optional<String> caIssuersUri(X509Certificate certificate) {
        return ExtensionReader.authorityInformationAccess(certificate).flatMap(aia -> {
            for (AccessDescription description : aia.getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (AccessDescription.id_ad_caIssuers.equals(description.getAccessMethod())
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    return Optional.of(CertificateNames.clean(location.getName().toString()));
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<String> issuersIssuer(X509Certificate certificate) {
        Optional<GeneralNames> names = ExtensionReader.authorityKeyIdentifier(certificate)
                .map(AuthorityKeyIdentifier::getAuthorityCertIssuer);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        for (GeneralName name : names.get().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName) {
                X500Principal issuersIssuer = principal(name);
                if (issuersIssuer != null && !issuersIssuer.equals(certificate.getIssuerX500Principal())) {
                    return Optional.of(CertificateNames.distinguishedName(issuersIssuer));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<X509Certificate> sameName(X500Principal name, List<X509Certificate> known,
            boolean selfIssued) {
        return known.stream().filter(c -> c.getSubjectX500Principal().equals(name))
                .filter(c -> IssuerMatch.isSelfIssued(c) == selfIssued).findFirst();
    }

    private static X500Principal principal(GeneralName name) {
        try {
            return new X500Principal(name.getName().toASN1Primitive().getEncoded());
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
