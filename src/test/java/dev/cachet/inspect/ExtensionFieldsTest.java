package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.SoftwareSigningKey;
import dev.cachet.csr.SubjectNames;
import dev.cachet.testing.PkiFixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;

class ExtensionFieldsTest {
    private static final KeyPair KEY = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
    private static final X500Name NAME = new X500Name("CN=Unusual");
    private static final ASN1ObjectIdentifier PRIVATE_EXTENSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1");

    @Test
    void unusualSubjectAltNamesAreShownRawWithoutFailing() throws IOException {
        Description certificate = describe(builder()
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "example.org"),
                    new GeneralName(GeneralName.dNSName, "not_a host"),
                    new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example.org/web"),
                    new GeneralName(GeneralName.rfc822Name, "admin@example.org"),
                    new GeneralName(GeneralName.directoryName, SubjectNames.parse("CN=Dir,O=Example")),
                    new GeneralName(GeneralName.registeredID, "1.2.3.4"),
                    new GeneralName(GeneralName.otherName, new OtherName(
                            new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), new DERUTF8String("user@example")))})));
        assertThat(Inspections.value(certificate, "subjectAltNames")).isEqualTo(List.of("dns:example.org",
                "dns:not_a host (invalid)", "uri:spiffe://example.org/web", "email:admin@example.org",
                "dirName:CN=Dir,O=Example", "rid:1.2.3.4", "otherName:1.3.6.1.4.1.311.20.2.3=user@example"));
    }

    @Test
    void locationsPoliciesAndOtherExtensions() throws IOException {
        Description certificate = describe(builder()
                .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(
                            new GeneralNames(uri("http://crl.example.org/1.crl"))), null, null)}))
                .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription[] {
                            new AccessDescription(AccessDescription.id_ad_ocsp, uri("http://ocsp.example.org")),
                            new AccessDescription(AccessDescription.id_ad_caIssuers,
                                    uri("http://example.org/ca.der"))}))
                .addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation[]{
                    new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1")),
                    new PolicyInformation(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.2"),
                            new DERSequence(new PolicyQualifierInfo("https://example.org/cps")))}))
                .addExtension(PRIVATE_EXTENSION, true, new DEROctetString(new byte[] {1, 2, 3}))
                .addExtension(Extension.nameConstraints, true, new DERSequence()));
        assertThat(Inspections.value(certificate, "crlDistributionPoints"))
                .isEqualTo(List.of("http://crl.example.org/1.crl"));
        assertThat(Inspections.value(certificate, "ocsp")).isEqualTo(List.of("http://ocsp.example.org"));
        assertThat(Inspections.value(certificate, "caIssuers")).isEqualTo(List.of("http://example.org/ca.der"));
        assertThat(Inspections.value(certificate, "certificatePolicies")).isEqualTo(List.of(
                "2.23.140.1.2.1 (domain-validated)", "1.3.6.1.4.1.55555.2, CPS https://example.org/cps"));
        assertThat(certificate.fields()).filteredOn(f -> "other extensions".equals(f.label())).singleElement()
                .satisfies(f -> assertThat(f.text())
                        .isEqualTo("1.3.6.1.4.1.55555.1 (critical)\nnameConstraints 2.5.29.30 (critical)"));
        List<?> extensions = (List<?>) Inspections.value(certificate, "extensions");
        assertThat(extensions).hasSize(5);
        Group last = (Group) extensions.get(3);
        assertThat(Map.of("oid", valueOf(last, "oid"), "critical", valueOf(last, "critical")))
                .isEqualTo(Map.of("oid", "1.3.6.1.4.1.55555.1", "critical", true));
    }

    @Test
    void aMalformedExtensionIsShownAsSuchAndTheRestIsDescribed() throws IOException {
        Description certificate = describe(builder()
                .addExtension(new Extension(Extension.keyUsage, true, new DEROctetString(new byte[] {(byte) 0xff})))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "example.org"))));
        assertThat((String) Inspections.value(certificate, "keyUsage")).startsWith("malformed extension (");
        assertThat(Inspections.value(certificate, "subjectAltNames")).isEqualTo(List.of("dns:example.org"));
    }

    @Test
    void aCertificateWithoutExtensionsIsNoCa() {
        Date now = Date.from(PkiFixtures.NOW);
        X509CertificateHolder v1 = new X509v1CertificateBuilder(NAME, BigInteger.TEN, now,
                Date.from(PkiFixtures.NOW.plus(Duration.ofDays(30))), NAME, spki()).build(signer());
        Description certificate = Inspections.single(PkiFixtures.pem(v1));
        assertThat(Inspections.value(certificate, "version")).isEqualTo(1);
        assertThat(Inspections.value(certificate, "ca")).isEqualTo(false);
        assertThat(Inspections.field(certificate, "ca").text()).isEqualTo("no (no basic constraints)");
        assertThat(Inspections.value(certificate, "selfSigned")).isEqualTo(true);
        assertThat(certificate.value("extensions")).isEmpty();
    }

    private static X509v3CertificateBuilder builder() {
        return new X509v3CertificateBuilder(NAME, BigInteger.ONE, Date.from(PkiFixtures.NOW),
                Date.from(PkiFixtures.NOW.plus(Duration.ofDays(30))), NAME, spki());
    }

    private static Description describe(X509v3CertificateBuilder builder) {
        return Inspections.single(PkiFixtures.pem(builder.build(signer())));
    }

    private static SubjectPublicKeyInfo spki() {
        return SubjectPublicKeyInfo.getInstance(KEY.getPublic().getEncoded());
    }

    private static ContentSigner signer() {
        return new SoftwareSigningKey(KEY.getPrivate(), KEY.getPublic()).contentSigner();
    }

    private static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(uri));
    }

    private static Object valueOf(Group group, String key) {
        return group.fields().stream().filter(f -> key.equals(f.key())).findFirst().orElseThrow().value();
    }
}
