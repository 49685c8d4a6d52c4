package dev.cachet.lint;

import dev.cachet.testing.CertificateBuilder;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A publicly trusted TLS server certificate that passes every lint rule, for tests to break one
 * thing at a time, and the context it is linted in.
 */
final class LintFixtures {
    /** The issue time: 200 days is the CA/Browser Forum maximum in force (BR 6.3.2, SC-081). */
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final LintContext PUBLIC = new LintContext(200, true, true, NOW.plus(Duration.ofDays(1000)), NOW);
    static final LintContext PRIVATE = new LintContext(398, true, false, NOW.plus(Duration.ofDays(1000)), NOW);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair CA_KEY = CertificateBuilder.ecKey();
    private static final X509CertificateHolder CA = CertificateBuilder.certificate("Lint CA", CA_KEY).ca(0).build();

    private LintFixtures() {
    }

    /** @return a good leaf for www.example.com and example.com, valid 90 days from an hour ago */
    static CertificateBuilder goodLeaf() {
        return leaf(CertificateBuilder.ecKey());
    }

    /** @return a good leaf of a given key */
    static CertificateBuilder leaf(KeyPair key) {
        Instant notBefore = NOW.minus(Duration.ofHours(1));
        return CertificateBuilder.certificate("www.example.com", key).issuedBy(CA, CA_KEY).tlsServer()
                .serial(new BigInteger(128, RANDOM).setBit(127))
                .validity(notBefore, notBefore.plus(Duration.ofDays(90)).minusSeconds(1))
                .subjectAltNames(dns("www.example.com"), dns("example.com"))
                .extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription[] {
                            new AccessDescription(AccessDescription.id_ad_ocsp, uri("http://ca.example.com/ocsp")),
                            new AccessDescription(AccessDescription.id_ad_caIssuers,
                                    uri("http://ca.example.com/ca.der"))}))
                .extension(Extension.cRLDistributionPoints, false, crl(uri("http://ca.example.com/ca.crl")))
                .extension(Extension.certificatePolicies, false, policies("2.23.140.1.2.1"));
    }

    static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    static CRLDistPoint crl(GeneralName name) {
        return new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(name)), null, null)});
    }

    static CertificatePolicies policies(String... oids) {
        PolicyInformation[] policies = new PolicyInformation[oids.length];
        for (int i = 0; i < oids.length; i++) {
            policies[i] = new PolicyInformation(new ASN1ObjectIdentifier(oids[i]));
        }
        return new CertificatePolicies(policies);
    }
}
