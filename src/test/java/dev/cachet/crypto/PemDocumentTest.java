package dev.cachet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.testing.TestCa;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class PemDocumentTest {
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, Clock.systemUTC());

    @Test
    void readsEveryCertificateOfAChainInOrder() throws Exception {
        String chain = PemWriter.encode(PemWriter.CERTIFICATE, CA.material().intermediate().getEncoded())
                + PemWriter.encode(PemWriter.CERTIFICATE, CA.material().root().getEncoded());

        PemDocument document = PemDocument.parse(chain.getBytes(StandardCharsets.US_ASCII), "chain.pem");

        assertThat(document.certificates()).containsExactly(CA.material().intermediate(), CA.material().root());
        assertThat(document.kinds()).isEqualTo("CERTIFICATE, CERTIFICATE");
        assertThat(document.hasPrivateKey()).isFalse();
    }

    @Test
    void refusesDerWithAClearMessage() throws Exception {
        byte[] der = CA.material().root().getEncoded();

        assertThatThrownBy(() -> PemDocument.parse(der, "root.der"))
                .isInstanceOf(CachetException.class).hasMessage("root.der: not PEM (binary data, probably DER); "
                        + "expected text starting with -----BEGIN");
    }

    @Test
    void refusesTruncatedAndCorruptPem() throws Exception {
        String pem = PemWriter.encode(PemWriter.CERTIFICATE, CA.material().root().getEncoded());
        String truncated = pem.substring(0, pem.length() / 2);
        String corrupt = pem.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!!!!!!!!!");

        assertThatThrownBy(() -> PemDocument.parse(truncated.getBytes(StandardCharsets.US_ASCII), "t.pem"))
                .isInstanceOf(CachetException.class).hasMessageStartingWith("t.pem: corrupt PEM");
        assertThatThrownBy(() -> PemDocument.parse(corrupt.getBytes(StandardCharsets.US_ASCII), "c.pem"))
                .isInstanceOf(CachetException.class).hasMessageStartingWith("c.pem: corrupt PEM");
    }

    @Test
    void namesWhatItFoundWhenTheExpectedObjectIsMissing() throws Exception {
        String pem = PemWriter.encode(PemWriter.CERTIFICATE, CA.material().root().getEncoded());
        PemDocument document = PemDocument.parse(pem.getBytes(StandardCharsets.US_ASCII), "root.pem");

        assertThatThrownBy(document::csr).isInstanceOf(CachetException.class)
                .hasMessageContaining("root.pem: expected one certificate signing request")
                .hasMessageContaining("found CERTIFICATE");
        assertThatThrownBy(() -> PemDocument.parse("hello".getBytes(StandardCharsets.US_ASCII), "x.txt"))
                .isInstanceOf(CachetException.class).hasMessage("x.txt: not PEM (no -----BEGIN line)");
    }
}
