package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.csr.SubjectNames;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;

/** Raw DER files: each kind is recognised and described as its PEM form is. */
class DerInputTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, PkiFixtures.clock());
    private static final KeyPair KEY = new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);

    private static Description der(byte[] data) {
        Inspection inspection = Inspections.of(data, PkiFixtures.clock());
        assertThat(inspection.format()).isEqualTo("DER");
        assertThat(inspection.objects()).hasSize(1);
        return inspection.objects().get(0);
    }

    @Test
    void certificate() {
        byte[] data = PkiFixtures.der(CA.material().root());
        Description certificate = der(data);
        assertThat(certificate.kind()).isEqualTo(Kind.CERTIFICATE);
        assertThat(Inspections.value(certificate, "sha256")).isEqualTo(PkiFixtures.sha256(data));
        assertThat(Inspections.value(certificate, "selfSigned")).isEqualTo(true);
    }

    @Test
    void csrAndCrl() throws IOException {
        assertThat(der(CsrDescriberTest.csr(SubjectNames.parse("CN=a.example"))).kind())
                .isEqualTo(Kind.CSR);
        Description crl = der(PkiFixtures.crl(CA, PkiFixtures.NOW, 1).getEncoded());
        assertThat(crl.kind()).isEqualTo(Kind.CRL);
        assertThat(Inspections.value(crl, "revokedCount")).isEqualTo(1);
    }

    @Test
    void privateKeysPlainAndEncrypted() throws IOException {
        Description plain = der(KEY.getPrivate().getEncoded());
        assertThat(plain.kind()).isEqualTo(Kind.PRIVATE_KEY);
        assertThat(Inspections.value(plain, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(KEY.getPublic()).sha256());
        Object encrypted = new PEMParser(new StringReader(PrivateKeys.toPem(KEY.getPrivate(),
                "passphrase".toCharArray(), RANDOM))).readObject();
        Description locked = der(((PKCS8EncryptedPrivateKeyInfo) encrypted).getEncoded());
        assertThat(Inspections.value(locked, "encrypted")).isEqualTo(true);
    }

    @Test
    void publicKey() {
        Description key = der(KEY.getPublic().getEncoded());
        assertThat(key.kind()).isEqualTo(Kind.PUBLIC_KEY);
        assertThat(Inspections.value(key, "key")).isEqualTo("EC P-256");
        assertThat(Inspections.value(key, "keyBits")).isEqualTo(256);
        assertThat(Inspections.value(key, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(KEY.getPublic()).sha256());
        Description fromPem = Inspections.single(PemWriter.encode("PUBLIC KEY", KEY.getPublic().getEncoded()));
        assertThat(fromPem.fields()).isEqualTo(key.fields());
        assertThat(TextRenderer.render(Inspections.of(KEY.getPublic().getEncoded(), PkiFixtures.clock())))
                .startsWith("Public key (DER)\n").contains("size:", "256 bits");
    }
}
