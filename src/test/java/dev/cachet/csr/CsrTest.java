package dev.cachet.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.policy.Identifiers;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CsrTest {
    private static final KeyPair KEY = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);

    @Test
    void buildsARequestWhoseNamesAndKeyParseBack() throws Exception {
        List<Identifier> names = List.of(Identifiers.parse("example.org"), Identifiers.parse("ip:192.0.2.1"),
                Identifiers.parse("email:admin@example.org"));
        PKCS10CertificationRequest request = CsrBuilder.build(KEY, SubjectNames.parse("CN=example.org,O=Example,C=BE"),
                names);

        ParsedCsr csr = CsrParser.parseVerified(request);

        assertThat(csr.names()).isEqualTo(names);
        assertThat(csr.commonName()).contains("example.org");
        assertThat(SubjectNames.format(csr.subject())).isEqualTo("CN=example.org,O=Example,C=BE");
        assertThat(csr.publicKey().getEncoded()).isEqualTo(KEY.getPublic().getEncoded());
        assertThat(CsrParser.parse(request.getEncoded()).signatureValid()).isTrue();
    }

    @Test
    void slashFormPutsTheCountryFirstAsOpenSslDoes() {
        assertThat(SubjectNames.format(SubjectNames.parse("/C=BE/O=Example/CN=example.org")))
                .isEqualTo("CN=example.org,O=Example,C=BE");
    }

    @Test
    void detectsABrokenSignature() throws Exception {
        byte[] der = CsrBuilder.build(KEY, SubjectNames.parse("CN=example.org"), List.of()).getEncoded();
        der[der.length - 5] ^= 0x01;

        assertThat(CsrParser.parse(der).signatureValid()).isFalse();
        assertThatThrownBy(() -> CsrParser.parseVerified(new PKCS10CertificationRequest(der)))
                .isInstanceOf(CachetException.class).hasMessageContaining("signature does not verify");
    }

    @Test
    void refusesGarbageAndBadSubjects() {
        assertThatThrownBy(() -> CsrParser.parse(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isInstanceOf(CachetException.class).hasMessageStartingWith("malformed CSR");
        assertThatThrownBy(() -> SubjectNames.parse("not a name")).isInstanceOf(CachetException.class)
                .hasMessageStartingWith("invalid subject 'not a name'");
    }
}
