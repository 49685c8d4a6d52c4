package dev.cachet.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A publicly trusted certificate tells relying parties where to find its issuer and revocation
 * status: authorityInformationAccess with plain HTTP OCSP or caIssuers URLs (BR 7.1.2.7.7), and
 * a CRL distribution point with a plain HTTP URL (BR 7.1.2.11.2; Cachet publishes CRLs for every
 * issuer, so it always names one).
 */
final class RevocationPointersRule implements LintRule {

    @Override
    public String name() {
        return "revocation_pointers";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        if (!context.publicTrust()) {
            return Optional.empty();
        }
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
        if (aia == null || aia.getAccessDescriptions().length == 0) {
            return Optional.of("a publicly trusted certificate needs authorityInformationAccess (OCSP or caIssuers)");
        }
        List<GeneralName> aiaNames = new ArrayList<>();
        for (AccessDescription description : aia.getAccessDescriptions()) {
            aiaNames.add(description.getAccessLocation());
        }
        if (!allHttp(aiaNames)) {
            return Optional.of("authorityInformationAccess must hold plain HTTP URLs only");
        }
        CRLDistPoint crl = CRLDistPoint.fromExtensions(certificate.getExtensions());
        if (crl == null || crl.getDistributionPoints().length == 0) {
            return Optional.of("a publicly trusted certificate needs a cRLDistributionPoints URL");
        }
        for (DistributionPoint point : crl.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name == null || name.getType() != DistributionPointName.FULL_NAME
                    || !allHttp(List.of(GeneralNames.getInstance(name.getName()).getNames()))) {
                return Optional.of("cRLDistributionPoints must hold a full name of plain HTTP URLs");
            }
        }
        return Optional.empty();
    }

    private static boolean allHttp(List<GeneralName> names) {
        return !names.isEmpty() && names.stream().allMatch(n -> n.getTagNo() == GeneralName.uniformResourceIdentifier
                && ASN1IA5String.getInstance(n.getName()).getString().startsWith("http://"));
    }
}
