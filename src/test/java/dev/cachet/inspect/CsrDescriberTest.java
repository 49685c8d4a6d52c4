package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.csr.SubjectNames;
import dev.cachet.policy.Identifiers;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.RDN;
import org.junit.jupiter.api.Test;

class CsrDescriberTest {
    private static final KeyPair KEY = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);

    static byte[] csr(X500Name subject) throws IOException {
        return CsrBuilder.build(KEY, subject, List.of(Identifiers.dns("www.example.org"),
                Identifiers.parse("ip:2001:db8::1"))).getEncoded();
    }

    @Test
    void aValidRequest() throws IOException {
        Description request = Inspections.single(PemWriter.encode(PemWriter.CERTIFICATE_REQUEST,
                csr(SubjectNames.parse("CN=www.example.org,O=Example,C=BE"))));
        assertThat(request.kind()).isEqualTo(Kind.CSR);
        assertThat(Inspections.value(request, "subject")).isEqualTo("CN=www.example.org,O=Example,C=BE");
        assertThat(Inspections.value(request, "subjectAltNames"))
                .isEqualTo(List.of("dns:www.example.org", "ip:2001:db8:0:0:0:0:0:1"));
        assertThat(Inspections.value(request, "key")).isEqualTo("EC P-256");
        assertThat(Inspections.value(request, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(KEY.getPublic()).sha256());
        assertThat(Inspections.value(request, "signatureAlgorithm")).isEqualTo("ecdsa-with-SHA256");
        assertThat(Inspections.value(request, "signatureValid")).isEqualTo(true);
        assertThat(Inspections.field(request, "signatureValid").text()).isEqualTo("valid");
    }

    @Test
    void aRequestWithABrokenSignatureIsDescribedNotRefused() throws IOException {
        byte[] der = csr(new X500Name(new RDN[0]));
        der[der.length - 1] ^= 0x01;
        Description request = Inspections.single(PemWriter.encode(PemWriter.CERTIFICATE_REQUEST, der));
        assertThat(Inspections.value(request, "signatureValid")).isEqualTo(false);
        assertThat(Inspections.field(request, "signatureValid").text()).startsWith("INVALID");
        assertThat(Inspections.value(request, "subject")).isEqualTo("(empty)");
        assertThat(Inspections.field(request, "subjectAltNames").label()).isEqualTo("subject alt names (critical)");
    }
}
