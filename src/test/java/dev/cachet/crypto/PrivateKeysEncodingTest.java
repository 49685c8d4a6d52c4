package dev.cachet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrivateKeysEncodingTest {

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void writesPkcs8Version1ThatReadsBackToTheSameKey(KeyType type) throws Exception {
        SecureRandom random = new SecureRandom();
        KeyPair pair = new KeyPairFactory(random).generate(type);

        String pem = PrivateKeys.toPem(pair.getPrivate(), null, random);

        PemDocument document = PemDocument.parse(pem.getBytes(StandardCharsets.US_ASCII), "key.pem");
        PrivateKeyInfo info = (PrivateKeyInfo) document.objects().get(0);
        // OpenSSL before 3.5 refuses v2 (RFC 5958), which carries the public key.
        assertThat(info.getVersion().intValueExact()).isZero();
        assertThat(info.getPublicKeyData()).isNull();
        PrivateKey read = PrivateKeys.read(document);
        assertThat(PublicKeys.derive(read).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void encryptsAndDecryptsAnEd25519KeyWithThePassphrase() {
        SecureRandom random = new SecureRandom();
        KeyPair pair = new KeyPairFactory(random).generate(KeyType.ED25519);
        char[] passphrase = "correct horse battery staple".toCharArray();

        String pem = PrivateKeys.toPem(pair.getPrivate(), passphrase, random);

        PemDocument document = PemDocument.parse(pem.getBytes(StandardCharsets.US_ASCII), "key.pem");
        assertThat(PrivateKeys.isEncrypted(document)).isTrue();
        assertThat(PublicKeys.derive(PrivateKeys.read(document, passphrase)).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
    }
}
