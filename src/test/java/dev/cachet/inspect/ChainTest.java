package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.IssuedCertificate;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class ChainTest {
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, PkiFixtures.clock());
    private static final KeyPair KEY = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
    private static final IssuedCertificate LEAF = PkiFixtures.leaf(CA, PkiFixtures.clock(), KEY,
            List.of(Identifiers.dns("example.org")));

    @Test
    void eachCertificateOfAChainIsSignedByTheNextOne() {
        Inspection chain = Inspections.pem(PkiFixtures.pem(LEAF.certificate(), CA.material().intermediate(),
                CA.material().root()));
        assertThat(chain.format()).isEqualTo("PEM");
        assertThat(chain.objects()).extracting(Description::kind).containsOnly(Kind.CERTIFICATE).hasSize(3);
        assertThat(chain.objects()).extracting(d -> d.value("subject").orElseThrow())
                .containsExactly("CN=example.org", "CN=Test Intermediate CA", "CN=Test Root CA");
        assertThat(Inspections.value(chain.objects().get(0), "signedByNext")).isEqualTo(true);
        assertThat(Inspections.value(chain.objects().get(1), "signedByNext")).isEqualTo(true);
        assertThat(chain.objects().get(2).value("signedByNext")).isEmpty();
        assertThat(TextRenderer.render(chain)).contains("Certificate 1 of 3\n", "Certificate 3 of 3\n",
                "signed by next:       yes\n");
    }

    @Test
    void aChainInTheWrongOrderSaysSo() {
        Inspection chain = Inspections.pem(PkiFixtures.pem(CA.material().root(), CA.material().intermediate(),
                LEAF.certificate()));
        Field first = Inspections.field(chain.objects().get(0), "signedByNext");
        assertThat(first.value()).isEqualTo(false);
        assertThat(first.text()).isEqualTo("no (the next certificate's subject is not this issuer)");
    }

    @Test
    void theSameNameWithAnotherKeyIsNotTheIssuer() {
        TestCa impostor = TestCa.create(KeyType.EC_P256, PkiFixtures.clock());
        X509CertificateHolder other = impostor.material().intermediate();
        Inspection chain = Inspections.pem(PkiFixtures.pem(LEAF.certificate(), other));
        Field first = Inspections.field(chain.objects().get(0), "signedByNext");
        assertThat(first.value()).isEqualTo(false);
        assertThat(first.text()).isEqualTo("no (the next certificate's key does not verify the signature)");
    }

    @Test
    void aKeyAndCertificateBundleIsDescribedInFileOrderAndTheKeysMatch() {
        String bundle = PrivateKeys.toPem(KEY.getPrivate(), null, new SecureRandom()) + PkiFixtures.pem(
                LEAF.certificate()) + PemWriter.encode("PUBLIC KEY", KEY.getPublic().getEncoded());
        Inspection inspection = Inspections.pem(bundle);
        assertThat(inspection.objects()).extracting(Description::kind)
                .containsExactly(Kind.PRIVATE_KEY, Kind.CERTIFICATE, Kind.PUBLIC_KEY);
        String fingerprint = PublicKeyInfo.of(SubjectPublicKeyInfo.getInstance(
                KEY.getPublic().getEncoded())).sha256();
        assertThat(inspection.objects()).allSatisfy(d -> assertThat(d.value("publicKeySha256")).contains(fingerprint));
        assertThat(TextRenderer.render(inspection)).startsWith("Private key\n").contains("\nCertificate\n");
    }
}
