package dev.cachet.verify;

import static dev.cachet.verify.Fixtures.CA;
import static dev.cachet.verify.Fixtures.INTERMEDIATE;
import static dev.cachet.verify.Fixtures.LATER;
import static dev.cachet.verify.Fixtures.NOW;
import static dev.cachet.verify.Fixtures.ROOT;
import static dev.cachet.verify.Fixtures.jdk;

import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.testing.CertificateBuilder;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Verifications that fail on an issuer's rights or in the JDK's PKIX validator, with certificates
 * that Cachet's own issuers refuse to make, built with Bouncy Castle.
 */
final class IssuerScenarios {

    private IssuerScenarios() {
    }

    static Stream<Scenario> all() {
        return Stream.of(
                new Scenario("a certificate signed by a leaf", signedByLeaf(), Verdict.NOT_A_CA,
                        "issuer is not a CA: it has no basicConstraints cA=TRUE yet issued CN=victim.example "
                        + "(CN=example.org)"),
                new Scenario("a CA without keyCertSign", underCa(Fixtures.caOfRoot("Signless CA", Fixtures.newKey(),
                        -1).keyUsage(KeyUsage.cRLSign | KeyUsage.digitalSignature)), Verdict.WRONG_KEY_USAGE,
                        "wrong key usage: key usage lacks keyCertSign yet it issued CN=leaf.example (CN=Signless CA)"),
                new Scenario("an intermediate only for clients", underCa(Fixtures.caOfRoot("Client CA",
                        Fixtures.newKey(), -1).extension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))).withPurpose(Purpose.TLS_SERVER),
                        Verdict.WRONG_KEY_USAGE, "wrong key usage: extended key usage clientAuth lacks serverAuth, "
                        + "needed for tls-server (CN=Client CA)"),
                new Scenario("a CA below an intermediate with pathLen 0", underCa(CertificateBuilder
                        .certificate("Sub CA", Fixtures.newKey()).ca(-1).validity(NOW, NOW.plus(Duration.ofDays(90)))
                        .issuedBy(CA.material().intermediate(), CA.material().intermediateKey()), INTERMEDIATE),
                        Verdict.PATH_TOO_LONG, "chain too long: %s (CN=Sub CA)"),
                new Scenario("a name outside the intermediate's name constraints", underCa(Fixtures.caOfRoot(
                        "Constrained CA", Fixtures.newKey(), 0).extension(Extension.nameConstraints, true,
                        new NameConstraints(new GeneralSubtree[] {new GeneralSubtree(
                                new GeneralName(GeneralName.dNSName, "example.org"))}, null))),
                        Verdict.NAME_CONSTRAINTS, "name outside the issuer's name constraints: %s (CN=leaf.example)"),
                new Scenario("an MD5 signature", md5Signed(), Verdict.WEAK_ALGORITHM,
                        "weak algorithm or key size: %s (CN=md5.example)"),
                new Scenario("an unknown critical extension", VerdictScenarios.request(jdk(Fixtures
                        .leafOfIntermediate("critical.example").extension(new ASN1ObjectIdentifier(
                                "1.3.6.1.4.1.55555.1"), true, new DERUTF8String("must understand")).build()),
                        INTERMEDIATE), Verdict.INVALID, "invalid certificate chain: %s (CN=critical.example)"));
    }

    /** Cachet's leaf for example.org, whose key then signs another certificate as if it were a CA. */
    private static VerificationRequest signedByLeaf() {
        KeyPair leafKey = Fixtures.newKey();
        X509CertificateHolder leaf = Fixtures.issue(CA, leafKey, "tls-server", "example.org");
        X509Certificate victim = jdk(CertificateBuilder.certificate("victim.example", Fixtures.newKey())
                .tlsServer().issuedBy(leaf, leafKey).validity(NOW, NOW.plus(Duration.ofDays(30))).build());
        return VerdictScenarios.request(victim, jdk(leaf), INTERMEDIATE);
    }

    /** A leaf of the CA being built, with that CA and the certificates above it as the untrusted chain. */
    private static VerificationRequest underCa(CertificateBuilder caBuilder, X509Certificate... above) {
        X509CertificateHolder ca = caBuilder.build();
        X509Certificate leaf = jdk(CertificateBuilder.certificate("leaf.example", Fixtures.newKey()).tlsServer()
                .issuedBy(ca, caBuilder.key()).validity(NOW, NOW.plus(Duration.ofDays(30))).build());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(jdk(ca));
        chain.addAll(List.of(above));
        return VerificationRequest.of(leaf, chain, List.of(ROOT)).withTime(LATER);
    }

    /** An RSA root that signed a leaf with MD5, which the JDK disables (jdk.certpath.disabledAlgorithms). */
    private static VerificationRequest md5Signed() {
        KeyPair rootKey = new KeyPairFactory(new SecureRandom()).generate(KeyType.RSA_2048);
        X509CertificateHolder root = CertificateBuilder.certificate("RSA Root CA", rootKey).ca(-1).build();
        X509Certificate leaf = jdk(CertificateBuilder.certificate("md5.example", Fixtures.newKey()).tlsServer()
                .issuedBy(root, rootKey).signatureAlgorithm("MD5withRSA").build());
        return VerificationRequest.of(leaf, List.of(), List.of(jdk(root))).withTime(LATER);
    }
}
