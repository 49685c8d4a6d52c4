package dev.cachet.inspect;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;

/** Where a certificate points to: CRLs, OCSP responders, issuer certificates and policy statements. */
final class Locations {

    private Locations() {
    }

    /** @return the URLs (or other names) of each CRL distribution point */
    static List<String> crlDistributionPoints(Extension extension) {
        List<String> locations = new ArrayList<>();
        for (DistributionPoint point : CRLDistPoint.getInstance(extension.getParsedValue()).getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name == null) {
                locations.add("(CRL issuer only)");
            } else if (name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    locations.add(GeneralNameText.location(general));
                }
            } else {
                locations.add("(name relative to the CRL issuer)");
            }
        }
        return locations;
    }

    /** @return the OCSP responder URLs of an authorityInfoAccess extension */
    static List<String> ocsp(Extension extension) {
        return access(extension, AccessDescription.id_ad_ocsp);
    }

    /** @return the issuer certificate URLs of an authorityInfoAccess extension */
    static List<String> caIssuers(Extension extension) {
        return access(extension, AccessDescription.id_ad_caIssuers);
    }

    /** @return each policy OID (named when well known), with its CPS URL when it has one */
    static List<String> policies(Extension extension) {
        List<String> policies = new ArrayList<>();
        for (PolicyInformation policy : CertificatePolicies.getInstance(extension.getParsedValue())
                .getPolicyInformation()) {
            StringBuilder text = new StringBuilder(ExtensionNames.policy(policy.getPolicyIdentifier()));
            if (policy.getPolicyQualifiers() != null) {
                for (ASN1Encodable element : policy.getPolicyQualifiers()) {
                    PolicyQualifierInfo qualifier = PolicyQualifierInfo.getInstance(element);
                    if (PolicyQualifierId.id_qt_cps.equals(qualifier.getPolicyQualifierId())
                            && qualifier.getQualifier() instanceof ASN1String) {
                        text.append(", CPS ").append(((ASN1String) qualifier.getQualifier()).getString());
                    }
                }
            }
            policies.add(text.toString());
        }
        return policies;
    }

    private static List<String> access(Extension extension, ASN1ObjectIdentifier method) {
        List<String> locations = new ArrayList<>();
        for (AccessDescription description : AuthorityInformationAccess.getInstance(extension.getParsedValue())
                .getAccessDescriptions()) {
            if (method.equals(description.getAccessMethod())) {
                locations.add(GeneralNameText.location(description.getAccessLocation()));
            }
        }
        return locations;
    }
}
