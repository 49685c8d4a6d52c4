package dev.cachet.verify;

import static dev.cachet.verify.Fixtures.CA;
import static dev.cachet.verify.Fixtures.CLIENT;
import static dev.cachet.verify.Fixtures.INTERMEDIATE;
import static dev.cachet.verify.Fixtures.LATER;
import static dev.cachet.verify.Fixtures.NOW;
import static dev.cachet.verify.Fixtures.ROOT;
import static dev.cachet.verify.Fixtures.SERVER;
import static dev.cachet.verify.Fixtures.TWIN;
import static dev.cachet.verify.Fixtures.jdk;

import dev.cachet.ca.CaMaterial;
import dev.cachet.ca.Hierarchy;
import dev.cachet.crypto.KeyType;
import dev.cachet.testing.CertificateBuilder;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;

/** Verifications that end in each verdict but the path-validation ones, which {@link IssuerScenarios} holds. */
final class VerdictScenarios {
    private static final String OK_SERVER = "OK (CN=example.org, chain: example.org <- Test Intermediate CA "
            + "<- Test Root CA; valid until 2027-02-25";

    private VerdictScenarios() {
    }

    static Stream<Scenario> trusted() {
        X509Certificate self = jdk(CertificateBuilder.certificate("self.example", Fixtures.newKey()).tlsServer()
                .build());
        return Stream.of(
                new Scenario("a leaf with its intermediate", request(SERVER, INTERMEDIATE), Verdict.TRUSTED,
                        OK_SERVER + ")"),
                new Scenario("a chain in any order, root included", request(SERVER, ROOT, INTERMEDIATE),
                        Verdict.TRUSTED, OK_SERVER + ")"),
                new Scenario("a host among the names", request(SERVER, INTERMEDIATE).withHost("WWW.example.org"),
                        Verdict.TRUSTED, OK_SERVER + "; host WWW.example.org matches)"),
                new Scenario("a client certificate for tls-client", request(CLIENT, INTERMEDIATE)
                        .withPurpose(Purpose.TLS_CLIENT), Verdict.TRUSTED, "OK (CN=client.example, chain: "
                        + "client.example <- Test Intermediate CA <- Test Root CA; valid until 2027-02-25; "
                        + "purpose tls-client)"),
                new Scenario("a self-signed certificate that is itself trusted",
                        VerificationRequest.of(self, List.of(), List.of(ROOT, self)), Verdict.TRUSTED,
                        "OK (CN=self.example, chain: self.example; valid until 2036-01-01)"));
    }

    static Stream<Scenario> untrusted() {
        X509Certificate self = jdk(CertificateBuilder.certificate("self.example", Fixtures.newKey()).tlsServer()
                .build());
        X509Certificate twinLeaf = jdk(Fixtures.issue(TWIN, "tls-server", "example.org"));
        X509Certificate twinIntermediate = jdk(TWIN.material().intermediate());
        return Stream.of(
                new Scenario("a self-signed leaf", request(self), Verdict.SELF_SIGNED,
                        "self-signed certificate, not trusted (CN=self.example)"),
                new Scenario("a chain up to another root", request(twinLeaf, twinIntermediate,
                        jdk(TWIN.material().root())), Verdict.UNTRUSTED_ROOT,
                        "chain ends at a root that is not trusted (CN=Test Root CA)"),
                new Scenario("a leaf of another CA", request(OtherCa.LEAF), Verdict.UNKNOWN_ISSUER,
                        "unknown issuer CN=Other Intermediate CA, neither a trust anchor nor in the chain "
                                + "(CN=other.example)"),
                new Scenario("an intermediate of another root of the same name", request(twinLeaf,
                        twinIntermediate), Verdict.UNKNOWN_ISSUER, "unknown issuer: a certificate named "
                        + "CN=Test Root CA was given, but with another key (CN=Test Intermediate CA)"),
                new Scenario("a leaf without the intermediate its AIA points to", request(IncompleteChains.AIA),
                        Verdict.INCOMPLETE_CHAIN, "incomplete chain, an intermediate is missing: issuer "
                        + "CN=Test Intermediate CA, published at http://ca.example/intermediate.der (CN=aia.example)"),
                new Scenario("a leaf whose AKI names its issuer's issuer", request(IncompleteChains.AKI),
                        Verdict.INCOMPLETE_CHAIN, "incomplete chain, an intermediate is missing: issuer "
                        + "CN=Test Intermediate CA, itself issued by CN=Test Root CA (CN=aki.example)"),
                new Scenario("a leaf with a re-keyed intermediate", request(twinLeaf, INTERMEDIATE),
                        Verdict.INCOMPLETE_CHAIN, "incomplete chain, an intermediate is missing: issuer "
                        + "CN=Test Intermediate CA, given only with another key (CN=example.org)"),
                new Scenario("a tampered signature", request(Fixtures.tampered(SERVER), INTERMEDIATE),
                        Verdict.BAD_SIGNATURE, "bad signature: not signed by the key of its issuer "
                        + "CN=Test Intermediate CA (CN=example.org)"));
    }

    static Stream<Scenario> invalidForUse() {
        return Stream.of(
                new Scenario("an expired leaf", request(SERVER, INTERMEDIATE).withTime(NOW.plus(Duration.ofDays(100))),
                        Verdict.EXPIRED, "certificate expired on 2027-02-25T08:59:59Z (CN=example.org)"),
                new Scenario("an expired intermediate", request(ShortLivedCa.LEAF, ShortLivedCa.CERTIFICATE)
                        .withTime(NOW.plus(Duration.ofDays(20))), Verdict.EXPIRED,
                        "certificate expired on 2026-12-07T10:00:00Z (CN=Short CA)"),
                new Scenario("an intermediate not yet valid", request(SERVER, INTERMEDIATE)
                        .withTime(NOW.minus(Duration.ofMinutes(30))), Verdict.NOT_YET_VALID,
                        "certificate not yet valid: valid from 2026-11-27T10:00:00Z (CN=Test Intermediate CA)"),
                new Scenario("another host", request(SERVER, INTERMEDIATE).withHost("example.com"),
                        Verdict.NAME_MISMATCH, "host name does not match: example.com is not covered; "
                        + "the certificate names example.org, www.example.org (CN=example.org)"),
                new Scenario("a client certificate for tls-server", request(CLIENT, INTERMEDIATE)
                        .withPurpose(Purpose.TLS_SERVER), Verdict.WRONG_KEY_USAGE, "wrong key usage: extended "
                        + "key usage clientAuth lacks serverAuth, needed for tls-server (CN=client.example)"),
                new Scenario("a client certificate with a host", request(CLIENT, INTERMEDIATE)
                        .withHost("client.example"), Verdict.WRONG_KEY_USAGE, "wrong key usage: extended "
                        + "key usage clientAuth lacks serverAuth, needed for tls-server (CN=client.example)"),
                new Scenario("a leaf without digitalSignature", request(jdk(Fixtures.leafOfIntermediate(
                        "encipher.example").keyUsage(KeyUsage.keyEncipherment).build()),
                        INTERMEDIATE).withPurpose(Purpose.TLS_SERVER), Verdict.WRONG_KEY_USAGE,
                        "wrong key usage: key usage lacks digitalSignature, needed for tls-server "
                        + "(CN=encipher.example)"));
    }

    /** The leaf and untrusted chain, with {@link Fixtures#CA}'s root as the only trust anchor. */
    static VerificationRequest request(X509Certificate leaf, X509Certificate... chain) {
        return VerificationRequest.of(leaf, List.of(chain), List.of(ROOT)).withTime(LATER);
    }

    /** A CA with other names and keys. */
    private static final class OtherCa {
        static final CaMaterial MATERIAL = new Hierarchy(new SecureRandom(), Fixtures.CLOCK)
                .create("Other Root CA", KeyType.EC_P256);
        static final X509Certificate LEAF = jdk(CertificateBuilder.certificate("other.example", Fixtures.newKey())
                .tlsServer().issuedBy(MATERIAL.intermediate(), MATERIAL.intermediateKey()).build());
    }

    /** Leaves that say their issuer is an intermediate. */
    private static final class IncompleteChains {
        static final X509Certificate AIA = jdk(Fixtures.leafOfIntermediate("aia.example")
                .extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier,
                                "http://ca.example/intermediate.der"))).build());
        static final X509Certificate AKI = jdk(Fixtures.leafOfIntermediate("aki.example")
                .extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                        SubjectKeyIdentifier.fromExtensions(CA.material().intermediate().getExtensions())
                                .getKeyIdentifier(),
                        new GeneralNames(new GeneralName(CA.material().root().getSubject())),
                        CA.material().intermediate().getSerialNumber())).build());
    }

    /** An intermediate valid ten days, and a leaf it signed that outlives it. */
    private static final class ShortLivedCa {
        static final KeyPair KEY = Fixtures.newKey();
        static final X509CertificateHolder HOLDER = Fixtures.caOfRoot("Short CA", KEY, 0)
                .validity(NOW, NOW.plus(Duration.ofDays(10))).build();
        static final X509Certificate CERTIFICATE = jdk(HOLDER);
        static final X509Certificate LEAF = jdk(CertificateBuilder.certificate("short.example", Fixtures.newKey())
                .tlsServer().issuedBy(HOLDER, KEY).validity(NOW, NOW.plus(Duration.ofDays(90))).build());
    }
}
