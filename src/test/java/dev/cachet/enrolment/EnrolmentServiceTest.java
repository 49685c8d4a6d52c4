package dev.cachet.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.ca.IssuanceLinks;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profiles;
import dev.cachet.ca.StoreJournal;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.csr.SubjectAltNames;
import dev.cachet.policy.Identifiers;
import dev.cachet.policy.NamePolicy;
import dev.cachet.revocation.CrlService;
import dev.cachet.revocation.CrlSettings;
import dev.cachet.revocation.OcspResponder;
import dev.cachet.revocation.OcspSettings;
import dev.cachet.revocation.RevocationService;
import dev.cachet.store.ApiToken;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.UnitOfWork;
import dev.cachet.testing.InMemoryBlockedKeyStore;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.InMemoryCertificateStore;
import dev.cachet.testing.InMemoryCrlStore;
import dev.cachet.testing.InMemoryTokenStore;
import dev.cachet.testing.MutableClock;
import dev.cachet.testing.TestCa;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/** The REST use cases over in-memory stores: every one checked against the token's scopes and domains. */
class EnrolmentServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair KEY = new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);

    private final MutableClock clock = new MutableClock(NOW);
    private final TestCa ca = TestCa.create(KeyType.EC_P256, clock);
    private final InMemoryCertificateStore certificates = new InMemoryCertificateStore(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final TokenService tokens = new TokenService(new InMemoryTokenStore(), audit, RANDOM, clock);
    private final EnrolmentService enrolment = enrolment();

    @Test
    void issuingRecordsTheCertificateAndTheAuditEvent() throws IOException {
        ApiToken token = token("ops", EnumSet.of(Scope.ISSUE), "example.org");

        IssuedCertificate issued = issue(token, csr("CN=www.example.org", "www.example.org",
                "api.example.org"), null, OptionalInt.empty());

        CertificateRecord record = certificates.find(issued.serial()).orElseThrow();
        assertThat(record.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(record.requester()).isEqualTo("token:ops");
        assertThat(record.profile()).isEqualTo("tls-server");
        assertThat(record.names()).containsExactly(Identifier.dns("www.example.org"),
                Identifier.dns("api.example.org"));
        assertThat(record.certificate().orElseThrow()).isEqualTo(issued.certificate().getEncoded());
        AuditEvent event = audit.recent(1).get(0);
        assertThat(event.actor()).isEqualTo("token:ops");
        assertThat(event.action()).isEqualTo("certificate.reserved");
        assertThat(event.subject()).isEqualTo(issued.serial().toString(16));
        assertThat(event.details()).containsEntry("profile", "tls-server")
                .containsEntry("names", "dns:www.example.org,dns:api.example.org");
    }

    @Test
    void aWildcardUnderACoveredDomainAndAListedAddressAreIssued() {
        ApiToken token = token("ops", EnumSet.of(Scope.ISSUE), "example.org", "192.0.2.1");

        IssuedCertificate issued = issue(token, csr("", "*.example.org", "ip:192.0.2.1"), "short-lived",
                OptionalInt.of(3));

        assertThat(sans(issued.certificate())).containsExactly(Identifier.dns("*.example.org"),
                Identifiers.parse("192.0.2.1"));
        assertThat(certificates.find(issued.serial()).orElseThrow().profile()).isEqualTo("short-lived");
    }

    @Test
    void aHostNameInTheCommonNameIsANameToAuthorize() {
        ApiToken token = token("ops", EnumSet.of(Scope.ISSUE), "example.org");

        assertForbidden(() -> issue(token, csr("CN=evil.net", "www.example.org"), null,
                OptionalInt.empty()), "token 'ops' may not act for dns:evil.net (allowed: example.org)");
        assertForbidden(() -> issue(token, csr("CN=*.evilexample.org,O=Example", "www.example.org"),
                null, OptionalInt.empty()), "token 'ops' may not act for dns:*.evilexample.org (allowed: example.org)");
        IssuedCertificate issued = issue(token, csr("CN=Example.ORG", "www.example.org"), null,
                OptionalInt.empty());
        assertThat(sans(issued.certificate())).containsExactly(Identifier.dns("example.org"),
                Identifier.dns("www.example.org"));
    }

    @Test
    void namesOutsideTheDomainsAndMissingScopesAreForbiddenAndNothingIsRecorded() {
        ApiToken issuer = token("ops", EnumSet.of(Scope.ISSUE), "example.org");
        ApiToken reader = token("reader", EnumSet.of(Scope.READ), "example.org");

        assertForbidden(() -> issue(issuer, csr("", "www.example.org", "evilexample.org"), null,
                OptionalInt.empty()), "token 'ops' may not act for dns:evilexample.org (allowed: example.org)");
        assertForbidden(() -> issue(issuer, csr("", "ip:192.0.2.1"), null, OptionalInt.empty()),
                "token 'ops' may not act for ip:192.0.2.1 (allowed: example.org)");
        assertForbidden(() -> issue(reader, csr("", "www.example.org"), null, OptionalInt.empty()),
                "token 'reader' lacks the scope 'issue'");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsRecorded() {
        ApiToken token = token("ops", EnumSet.of(Scope.ISSUE), "example.org");
        String csr = csr("", "www.example.org");

        assertRefused(() -> issue(token, null, null, OptionalInt.empty()), ErrorType.MALFORMED);
        assertRefused(() -> issue(token, " ", null, OptionalInt.empty()), ErrorType.MALFORMED);
        assertRefused(() -> issue(token, "not a CSR", null, OptionalInt.empty()), ErrorType.MALFORMED);
        assertRefused(() -> issue(token, csr, "tls-server-2y", OptionalInt.empty()), ErrorType.POLICY);
        assertRefused(() -> issue(token, csr, null, OptionalInt.of(400)), ErrorType.POLICY);
        assertRefused(() -> issue(token, csr("CN=Web Server", "www.example.org"), null,
                OptionalInt.empty()), ErrorType.REJECTED_IDENTIFIER);
    }

    @Test
    void readingNeedsTheReadScope() {
        IssuedCertificate issued = issue(token("ops", EnumSet.of(Scope.ISSUE), "example.org"),
                csr("", "www.example.org"), null, OptionalInt.empty());
        ApiToken reader = token("reader", EnumSet.of(Scope.READ));
        CertificateQuery all = new CertificateQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 10);

        assertThat(enrolment.get(reader, issued.serial()).serial()).isEqualTo(issued.serial());
        assertThat(enrolment.search(reader, all)).extracting(CertificateRecord::serial)
                .containsExactly(issued.serial());
        assertRefused(() -> enrolment.get(reader, issued.serial().add(BigInteger.ONE)), ErrorType.NOT_FOUND);
        ApiToken issuer = token("issuer", EnumSet.of(Scope.ISSUE), "example.org");
        assertForbidden(() -> enrolment.get(issuer, issued.serial()), "token 'issuer' lacks the scope 'read'");
        assertForbidden(() -> enrolment.search(issuer, all), "token 'issuer' lacks the scope 'read'");
    }

    @Test
    void revokingNeedsTheScopeAndTheNames() {
        IssuedCertificate issued = issue(token("ops", EnumSet.of(Scope.ISSUE), "example.org"),
                csr("", "www.example.org"), null, OptionalInt.empty());
        ApiToken other = token("other", EnumSet.of(Scope.REVOKE), "example.net");
        ApiToken noScope = token("noscope", EnumSet.of(Scope.READ), "example.org");
        ApiToken owner = token("owner", EnumSet.of(Scope.REVOKE), "www.example.org");

        assertForbidden(() -> enrolment.revoke(other, issued.serial(), RevocationReason.KEY_COMPROMISE),
                "token 'other' may not act for dns:www.example.org (allowed: example.net)");
        assertForbidden(() -> enrolment.revoke(noScope, issued.serial(), RevocationReason.KEY_COMPROMISE),
                "token 'noscope' lacks the scope 'revoke'");
        assertThat(certificates.find(issued.serial()).orElseThrow().status()).isEqualTo(CertificateStatus.ISSUED);

        CertificateRecord revoked = enrolment.revoke(owner, issued.serial(), RevocationReason.KEY_COMPROMISE);

        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(audit.recent(1).get(0)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("token:owner");
            assertThat(e.action()).isEqualTo("certificate.revoked");
        });
    }

    private EnrolmentService enrolment() {
        LeafIssuer leafIssuer = new LeafIssuer(ca.issuer(), new StoreJournal(certificates, audit,
                UnitOfWork.EACH_ON_ITS_OWN, clock), RANDOM, clock);
        CrlService crls = new CrlService(certificates, new InMemoryCrlStore(), clock, CrlSettings.defaults());
        OcspResponder ocsp = new OcspResponder(List.of(ca.issuer()), certificates, clock, OcspSettings.defaults());
        RevocationService revocation = new RevocationService(certificates, new InMemoryBlockedKeyStore(), audit, crls,
                ocsp, List.of(ca.issuer()), clock);
        return new EnrolmentService(leafIssuer, Profiles.builtIn(), Profiles.DEFAULT, certificates, revocation,
                NamePolicy.open());
    }

    private ApiToken token(String name, EnumSet<Scope> scopes, String... domains) {
        return tokens.create(name, scopes, List.of(domains)).token();
    }

    private IssuedCertificate issue(ApiToken token, String csr, String profile, OptionalInt days) {
        return enrolment.issue(token, csr, profile, days, IssuanceLinks.NONE);
    }

    private static String csr(String subject, String... names) {
        List<Identifier> sans = Arrays.stream(names).map(Identifiers::parse).collect(Collectors.toList());
        try {
            return PemWriter.encode(PemWriter.CERTIFICATE_REQUEST,
                    CsrBuilder.build(KEY, new X500Name(subject), sans).getEncoded());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Identifier> sans(X509CertificateHolder certificate) {
        return SubjectAltNames.decode(GeneralNames.fromExtensions(certificate.getExtensions(),
                Extension.subjectAlternativeName));
    }

    private void assertForbidden(ThrowingCallable call, String message) {
        assertRefused(call, ErrorType.FORBIDDEN);
        assertThatThrownBy(call).hasMessage(message);
    }

    private void assertRefused(ThrowingCallable call, ErrorType type) {
        int stored = certificates.size();
        int events = audit.recent(1000).size();
        assertThatThrownBy(call).isInstanceOf(CachetException.class)
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(type));
        assertThat(certificates.size()).isEqualTo(stored);
        assertThat(audit.recent(1000)).hasSize(events);
    }
}
