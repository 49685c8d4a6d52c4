package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is one MALFORMED error whose one line starts with the file name. */
class BadInputTest {
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, PkiFixtures.clock());

    private static void assertMalformed(byte[] data, String message) {
        assertThatThrownBy(() -> new Inspector(PkiFixtures.clock()).inspect(data, "in.pem", null))
                .isInstanceOfSatisfying(CachetException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.MALFORMED);
                    assertThat(e.getMessage()).startsWith("in.pem: ").doesNotContain("\n");
                })
                .hasMessageContaining(message);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void emptyOrBlank() {
        assertMalformed(new byte[0], "in.pem: empty file");
        assertMalformed(ascii(" \n\n"), "in.pem: empty file");
    }

    @Test
    void truncatedPem() {
        String pem = PkiFixtures.pem(CA.material().root());
        assertMalformed(ascii(pem.substring(0, pem.length() / 2)), "corrupt PEM");
        String[] lines = pem.split("\n");
        String withoutMiddle = lines[0] + "\n" + lines[1] + "\n" + lines[lines.length - 1] + "\n";
        assertMalformed(ascii(withoutMiddle), "corrupt PEM");
    }

    @Test
    void randomBytesAndText() {
        byte[] noise = new byte[1000];
        new Random(42).nextBytes(noise);
        noise[0] = 0x05;
        assertMalformed(noise, "neither PEM (no -----BEGIN line) nor DER");
        assertMalformed(ascii("hello, world\n"), "neither PEM (no -----BEGIN line) nor DER");
    }

    @Test
    void truncatedDer() {
        byte[] der = PkiFixtures.der(CA.material().root());
        assertMalformed(Arrays.copyOf(der, der.length - 10), "looks like DER but is truncated or corrupt");
    }

    @Test
    void derThatIsNothingCachetReads() throws Exception {
        byte[] der = new DERSequence(new ASN1Integer(1)).getEncoded();
        assertMalformed(der, "DER data, but not a certificate, CSR, CRL, PKCS#8 private key or public key");
    }

    @Test
    void aPemObjectWhoseContentIsNotWhatItsLabelSays() {
        assertMalformed(ascii(PemWriter.encode(PemWriter.CERTIFICATE, new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})),
                "corrupt PEM");
    }
}
