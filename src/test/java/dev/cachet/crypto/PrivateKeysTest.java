package dev.cachet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void plainPkcs8RoundTripsAndDerivesTheSamePublicKey(KeyType type) {
        KeyPair pair = new KeyPairFactory(RANDOM).generate(type);
        String pem = PrivateKeys.toPem(pair.getPrivate(), null, RANDOM);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        PrivateKey read = PrivateKeys.read(PemDocument.parse(ascii(pem), "key.pem"));
        assertThat(PublicKeys.derive(read).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(PublicKeyInfo.of(pair.getPublic()).describe()).isIn("EC P-256", "EC P-384", "RSA 2048", "Ed25519");
    }

    @Test
    void encryptedPkcs8NeedsTheRightPassphrase() {
        KeyPair pair = new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);
        String pem = PrivateKeys.toPem(pair.getPrivate(), "correct horse".toCharArray(), RANDOM);
        PemDocument document = PemDocument.parse(ascii(pem), "key.pem");

        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(PrivateKeys.isEncrypted(document)).isTrue();
        assertThat(PublicKeys.derive(PrivateKeys.read(document, "correct horse".toCharArray())).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        assertThatThrownBy(() -> PrivateKeys.read(document, "wrong horse".toCharArray()))
                .isInstanceOf(CachetException.class).hasMessageContaining("wrong passphrase")
                .extracting(e -> ((CachetException) e).type()).isEqualTo(ErrorType.BAD_PASSPHRASE);
        assertThatThrownBy(() -> PrivateKeys.read(document))
                .isInstanceOf(CachetException.class).hasMessageContaining("encrypted");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
