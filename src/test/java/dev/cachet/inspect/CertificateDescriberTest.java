package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.IssuedCertificate;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class CertificateDescriberTest {
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, PkiFixtures.clock());
    private static final KeyPair KEY = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
    private static final List<Identifier> NAMES = List.of(Identifiers.dns("www.example.org"),
            Identifiers.parse("ip:192.0.2.1"));
    private static final IssuedCertificate LEAF = PkiFixtures.leaf(CA, PkiFixtures.clock(), KEY, NAMES);

    private static Description leaf() {
        return Inspections.single(PkiFixtures.pem(LEAF.certificate()));
    }

    @Test
    void namesSerialAndValidity() {
        Description leaf = leaf();
        assertThat(leaf.kind()).isEqualTo(Kind.CERTIFICATE);
        assertThat(Inspections.value(leaf, "subject")).isEqualTo("CN=www.example.org");
        assertThat(Inspections.value(leaf, "issuer")).isEqualTo("CN=Test Intermediate CA");
        assertThat(Inspections.value(leaf, "serial")).isEqualTo(LEAF.serial().toString(16));
        assertThat(Inspections.value(leaf, "notBefore")).isEqualTo("2025-06-01T11:00:00Z");
        assertThat(Inspections.value(leaf, "notAfter")).isEqualTo("2025-08-30T10:59:59Z");
        assertThat(Inspections.value(leaf, "daysLeft")).isEqualTo(89L);
        assertThat(Inspections.value(leaf, "status")).isEqualTo("valid");
        assertThat(Inspections.field(leaf, "notAfter").text()).isEqualTo("2025-08-30T10:59:59Z (89 days left)");
    }

    @Test
    void fingerprintIsTheSha256OfTheDer() {
        assertThat(Inspections.value(leaf(), "sha256"))
                .isEqualTo(PkiFixtures.sha256(PkiFixtures.der(LEAF.certificate())));
    }

    @Test
    void keySignatureAndRoles() {
        Description leaf = leaf();
        assertThat(Inspections.value(leaf, "key")).isEqualTo("EC P-256");
        assertThat(Inspections.value(leaf, "keyCurve")).isEqualTo("P-256");
        assertThat(Inspections.value(leaf, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(KEY.getPublic()).sha256());
        assertThat(Inspections.value(leaf, "signatureAlgorithm")).isEqualTo("ecdsa-with-SHA256");
        assertThat(Inspections.value(leaf, "selfSigned")).isEqualTo(false);
        assertThat(Inspections.value(leaf, "ca")).isEqualTo(false);
        assertThat(leaf.value("pathLen")).isEmpty();
        assertThat(leaf.value("signedByNext")).isEmpty();
    }

    @Test
    void extensionsOfALeaf() {
        Description leaf = leaf();
        assertThat(Inspections.value(leaf, "subjectAltNames"))
                .isEqualTo(List.of("dns:www.example.org", "ip:192.0.2.1"));
        assertThat(Inspections.value(leaf, "keyUsage")).isEqualTo(List.of("digitalSignature"));
        assertThat(Inspections.field(leaf, "keyUsage").label()).isEqualTo("key usage (critical)");
        assertThat(Inspections.value(leaf, "extendedKeyUsage")).isEqualTo(List.of("serverAuth"));
        assertThat(Inspections.value(leaf, "subjectKeyIdentifier")).isEqualTo(ski(LEAF.certificate()));
        assertThat(Inspections.value(leaf, "authorityKeyIdentifier")).isEqualTo(ski(CA.material().intermediate()));
        assertThat(leaf.value("crlDistributionPoints")).isEmpty();
        assertThat(leaf.fields()).noneMatch(f -> "other extensions".equals(f.label()));
        assertThat((List<?>) Inspections.value(leaf, "extensions")).hasSize(6);
    }

    @Test
    void expiredCertificateSaysHowLongAgo() {
        Inspection later = Inspections.at(PkiFixtures.pem(LEAF.certificate()),
                PkiFixtures.NOW.plus(Duration.ofDays(100)));
        Description leaf = later.objects().get(0);
        assertThat(Inspections.value(leaf, "status")).isEqualTo("expired");
        assertThat(Inspections.value(leaf, "daysLeft")).isEqualTo(-10L);
        assertThat(Inspections.field(leaf, "notAfter").text()).endsWith("(expired 10 days ago)");
    }

    @Test
    void notYetValidCertificateSaysWhenItStarts() {
        Inspection earlier = Inspections.at(PkiFixtures.pem(LEAF.certificate()),
                PkiFixtures.NOW.minus(Duration.ofDays(3)));
        Description leaf = earlier.objects().get(0);
        assertThat(Inspections.value(leaf, "status")).isEqualTo("not yet valid");
        assertThat(Inspections.field(leaf, "notAfter").text()).endsWith("(not yet valid, starts in 2 days)");
    }

    @Test
    void rootIsASelfSignedCaAndTheIntermediateHasAPathLength() {
        Description root = Inspections.single(PkiFixtures.pem(CA.material().root()));
        assertThat(Inspections.value(root, "selfSigned")).isEqualTo(true);
        assertThat(Inspections.value(root, "ca")).isEqualTo(true);
        assertThat(root.value("pathLen")).isEmpty();
        assertThat(Inspections.value(root, "keyUsage")).isEqualTo(List.of("keyCertSign", "cRLSign"));
        Description intermediate = Inspections.single(PkiFixtures.pem(CA.material().intermediate()));
        assertThat(Inspections.value(intermediate, "selfSigned")).isEqualTo(false);
        assertThat(Inspections.value(intermediate, "pathLen")).isEqualTo(BigInteger.ZERO);
        assertThat(Inspections.field(intermediate, "ca").text()).isEqualTo("yes, pathLen 0");
        assertThat(Inspections.field(intermediate, "ca").label()).isEqualTo("CA (critical)");
    }

    @Test
    void signatureAlgorithmsHaveTheirStandardNames() {
        TestCa rsa = TestCa.create(KeyType.RSA_2048, PkiFixtures.clock());
        Description rsaRoot = Inspections.single(PkiFixtures.pem(rsa.material().root()));
        assertThat(Inspections.value(rsaRoot, "signatureAlgorithm")).isEqualTo("sha256WithRSAEncryption");
        assertThat(Inspections.value(rsaRoot, "key")).isEqualTo("RSA 2048");
        assertThat(Inspections.value(rsaRoot, "keyExponent")).isEqualTo(BigInteger.valueOf(65537));
        TestCa ed = TestCa.create(KeyType.ED25519, PkiFixtures.clock());
        Description edRoot = Inspections.single(PkiFixtures.pem(ed.material().root()));
        assertThat(Inspections.value(edRoot, "signatureAlgorithm")).isEqualTo("Ed25519");
        assertThat(Inspections.value(edRoot, "key")).isEqualTo("Ed25519");
    }

    private static String ski(X509CertificateHolder certificate) {
        byte[] id = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier();
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(id);
    }
}
