package dev.cachet.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.policy.Identifiers;
import dev.cachet.policy.PublicTrustValidity;
import dev.cachet.testing.TestCa;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeafIssuerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, CLOCK);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SubjectPublicKeyInfo EC_KEY = key(KeyType.EC_P256);

    @ParameterizedTest
    @CsvSource({"tls-server,90", "tls-server-1y,365", "tls-server-public,200", "tls-client,90", "short-lived,7"})
    void eachProfileHasItsValidityAndIsSignedByTheIntermediate(String profile, int days) throws Exception {
        X509CertificateHolder certificate = issue(request(profile, OptionalInt.empty())).certificate();

        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minus(LeafIssuer.BACKDATE));
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
                .plusSeconds(1)).isEqualTo(Duration.ofDays(days));
        assertThat(certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Jca.provider())
                .build(CA.material().intermediate()))).isTrue();
        assertThat(certificate.getIssuer()).isEqualTo(CA.material().intermediate().getSubject());
        assertThat(BasicConstraints.fromExtensions(certificate.getExtensions()).isCA()).isFalse();
        assertThat(certificate.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
    }

    @Test
    void serverCertificatesCarryNamesUsagesAndKeyIdentifiers() {
        X509CertificateHolder certificate = issue(request("tls-server", OptionalInt.empty())).certificate();

        assertThat(GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
                .getNames()).hasSize(2);
        assertThat(ExtendedKeyUsage.fromExtensions(certificate.getExtensions())
                .hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth)).isTrue();
        KeyUsage usage = KeyUsage.fromExtensions(certificate.getExtensions());
        assertThat(usage.hasUsages(KeyUsage.digitalSignature)).isTrue();
        assertThat(usage.hasUsages(KeyUsage.keyEncipherment)).isFalse();
        assertThat(certificate.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(certificate.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(certificate.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
        assertThat(certificate.getSubject().toString()).isEqualTo("CN=example.org");
    }

    @Test
    void recordsTheReservationBeforeTheSignedCertificate() throws Exception {
        IssuedCertificate issued = issue(request("tls-server", OptionalInt.empty()));

        var reservation = CA.journal().reservations().stream()
                .filter(r -> r.serial().equals(issued.serial())).findFirst().orElseThrow();
        X509CertificateHolder linted = new X509CertificateHolder(reservation.lintCertificate());
        assertThat(linted.toASN1Structure().getTBSCertificate())
                .isEqualTo(issued.certificate().toASN1Structure().getTBSCertificate());
        assertThat(linted.getSignature()).isNotEqualTo(issued.certificate().getSignature());
        assertThat(reservation.requester()).isEqualTo("test");
        assertThat(reservation.profile()).isEqualTo("tls-server");
        assertThat(CA.journal().issued().get(issued.serial())).isEqualTo(issued.certificate().getEncoded());
    }

    @Test
    void pointsAtTheRevocationServicesWhenGivenUrls() {
        LeafIssuer withUrls = new LeafIssuer(CA.issuer(), CA.journal(), RANDOM, CLOCK,
                IssuerUrls.under("http://ca.example.test:8080/"));

        X509CertificateHolder certificate = withUrls.issue(request("tls-server", OptionalInt.empty()), "test")
                .certificate();

        var aia = org.bouncycastle.asn1.x509.AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
        assertThat(aia.getAccessDescriptions()).extracting(d -> d.getAccessLocation().getName().toString())
                .containsExactly("http://ca.example.test:8080/ocsp", "http://ca.example.test:8080/ca/intermediate.der");
        var crl = org.bouncycastle.asn1.x509.CRLDistPoint.fromExtensions(certificate.getExtensions());
        assertThat(crl.getDistributionPoints()[0].getDistributionPoint().toString())
                .contains("http://ca.example.test:8080/crl/intermediate.crl");
    }

    @Test
    void aLintFindingStopsTheIssuanceBeforeAnythingIsRecorded() {
        int reserved = CA.journal().reservations().size();

        assertThatThrownBy(() -> CA.issue(CLOCK, request("tls-server-public", OptionalInt.empty())))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type())
                        .isEqualTo(dev.cachet.core.ErrorType.POLICY))
                .hasMessage("not signed, lint failed: revocation_pointers: a publicly trusted certificate needs"
                        + " authorityInformationAccess (OCSP or caIssuers)");
        assertThat(CA.journal().reservations()).hasSize(reserved);
    }

    @Test
    void aBlockedKeyIsRefusedBeforeAnythingIsRecorded() {
        int reserved = CA.journal().reservations().size();
        LeafIssuer blocking = new LeafIssuer(CA.issuer(), CA.journal(), RANDOM, CLOCK, null,
                BlockedKeys.listedOnly(java.util.Set.of(BlockedKeys.spkiSha256(EC_KEY))));

        assertThatThrownBy(() -> blocking.issue(request("tls-server", OptionalInt.empty()), "test"))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type())
                        .isEqualTo(dev.cachet.core.ErrorType.BAD_PUBLIC_KEY))
                .hasMessageContaining("it is on the blocked-keys list");
        assertThat(CA.journal().reservations()).hasSize(reserved);
    }

    @Test
    void rsaServerKeysAlsoGetKeyEncipherment() {
        IssuanceRequest request = new IssuanceRequest(key(KeyType.RSA_2048), names("example.org"), Optional.empty(),
                Profiles.require("tls-server"), OptionalInt.empty());

        KeyUsage usage = KeyUsage.fromExtensions(issue(request).certificate().getExtensions());

        assertThat(usage.hasUsages(KeyUsage.keyEncipherment)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2026-03-14T23:59:59Z,398", "2026-03-15T00:00:00Z,200", "2027-03-14T23:59:59Z,200",
        "2027-03-15T00:00:00Z,100", "2029-03-14T23:59:59Z,100", "2029-03-15T00:00:00Z,47"})
    void publicTrustFollowsTheCaBrowserForumScheduleOnTheIssueDate(String date, int days) {
        assertThat(PublicTrustValidity.maxDays(Instant.parse(date))).isEqualTo(days);
    }

    @Test
    void refusesAValidityBeyondTheProfile() {
        assertThatThrownBy(() -> issue(request("tls-server-public", OptionalInt.of(201))))
                .isInstanceOf(CachetException.class)
                .hasMessageContaining("profile tls-server-public allows 1 to 200 days");
        assertThatThrownBy(() -> issue(request("short-lived", OptionalInt.of(11))))
                .hasMessageContaining("allows 1 to 10 days");
        assertThat(issue(request("tls-server", OptionalInt.of(30))).certificate().getNotAfter().toInstant())
                .isEqualTo(NOW.minus(LeafIssuer.BACKDATE).plus(Duration.ofDays(30)).minusSeconds(1));
    }

    @Test
    void addsAHostCommonNameToTheNamesAndRefusesOtherCommonNames() {
        IssuanceRequest cnOnly = new IssuanceRequest(EC_KEY, List.of(), Optional.of("Example.org"),
                Profiles.require("tls-server"), OptionalInt.empty());
        X509CertificateHolder certificate = issue(cnOnly).certificate();
        assertThat(GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
                .getNames()[0].getName().toString()).isEqualTo("example.org");

        IssuanceRequest person = new IssuanceRequest(EC_KEY, names("example.org"), Optional.of("Alice Smith"),
                Profiles.require("tls-server"), OptionalInt.empty());
        assertThatThrownBy(() -> issue(person)).hasMessageContaining("'Alice Smith' is not a host name");

        IssuanceRequest client = new IssuanceRequest(EC_KEY, List.of(), Optional.of("Alice Smith"),
                Profiles.require("tls-client"), OptionalInt.empty());
        assertThat(issue(client).certificate().getSubject().toString()).isEqualTo("CN=Alice Smith");
    }

    @Test
    void refusesServerCertificatesWithoutHostNamesOrWithEmailNames() {
        IssuanceRequest none = new IssuanceRequest(EC_KEY, List.of(), Optional.empty(),
                Profiles.require("tls-server"), OptionalInt.empty());
        IssuanceRequest email = new IssuanceRequest(EC_KEY, names("example.org", "email:a@example.org"),
                Optional.empty(), Profiles.require("tls-server"), OptionalInt.empty());

        assertThatThrownBy(() -> issue(none)).hasMessageContaining("no DNS name or IP address");
        assertThatThrownBy(() -> issue(email)).hasMessageContaining("not allowed in a TLS server certificate");
    }

    @Test
    void lintRefusesACertificateThatWouldOutliveItsIssuer() {
        Clock late = Clock.fixed(CA.material().intermediate().getNotAfter().toInstant().minus(Duration.ofDays(30)),
                ZoneOffset.UTC);
        int reserved = CA.journal().reservations().size();

        assertThatThrownBy(() -> CA.issue(late, request("tls-server", OptionalInt.empty())))
                .isInstanceOf(CachetException.class)
                .hasMessageStartingWith("not signed, lint failed: validity: the certificate would outlive its issuer");
        assertThat(CA.journal().reservations()).hasSize(reserved);
    }

    @Test
    void aProfileAcceptsOnlyItsKeyTypes() {
        IssuanceRequest ed25519 = new IssuanceRequest(key(KeyType.ED25519), names("example.org"), Optional.empty(),
                Profiles.require("tls-server-public"), OptionalInt.empty());

        assertThatThrownBy(() -> issue(ed25519)).isInstanceOf(CachetException.class)
                .hasMessage("key refused (Ed25519): profile tls-server-public accepts ec-p256, ec-p384, rsa");
        assertThat(issue(new IssuanceRequest(key(KeyType.ED25519), names("example.org"), Optional.empty(),
                Profiles.require("tls-server"), OptionalInt.empty())).certificate()).isNotNull();
    }

    @Test
    void refusesWeakKeys() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        var weak = SubjectPublicKeyInfo.getInstance(generator.generateKeyPair().getPublic().getEncoded());
        IssuanceRequest request = new IssuanceRequest(weak, names("example.org"), Optional.empty(),
                Profiles.require("tls-server"), OptionalInt.empty());

        assertThatThrownBy(() -> issue(request)).hasMessageContaining("RSA keys need at least 2048 bits");
    }

    /** Issues with revocation URLs, as the server does: publicly trusted profiles need them (BR 7.1.2.7.7). */
    private static IssuedCertificate issue(IssuanceRequest request) {
        return new LeafIssuer(CA.issuer(), CA.journal(), RANDOM, CLOCK, IssuerUrls.under("http://ca.example.org"))
                .issue(request, "test");
    }

    private static IssuanceRequest request(String profile, OptionalInt days) {
        return new IssuanceRequest(EC_KEY, names("example.org", "www.example.org"), Optional.empty(),
                Profiles.require(profile), days);
    }

    private static List<Identifier> names(String... names) {
        return java.util.Arrays.stream(names).map(Identifiers::parse).toList();
    }

    private static SubjectPublicKeyInfo key(KeyType type) {
        return SubjectPublicKeyInfo.getInstance(new KeyPairFactory(RANDOM).generate(type).getPublic().getEncoded());
    }
}
