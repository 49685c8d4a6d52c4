package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.testing.PkiFixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;

class PrivateKeyDescriberTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @Test
    void anUnencryptedKeyIsDescribedByItsPublicHalfOnly() {
        KeyPair pair = new KeyPairFactory(RANDOM).generate(KeyType.EC_P384);
        String pem = PrivateKeys.toPem(pair.getPrivate(), null, RANDOM);
        Inspection inspection = Inspections.pem(pem);
        Description key = inspection.objects().get(0);
        assertThat(key.kind()).isEqualTo(Kind.PRIVATE_KEY);
        assertThat(Inspections.value(key, "format")).isEqualTo("PKCS#8");
        assertThat(Inspections.value(key, "encrypted")).isEqualTo(false);
        assertThat(Inspections.value(key, "key")).isEqualTo("EC P-384");
        assertThat(Inspections.value(key, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(pair.getPublic()).sha256());
        assertNoKeyMaterial(pem, inspection);
    }

    @Test
    void rsaAndEd25519Keys() {
        KeyPair rsa = new KeyPairFactory(RANDOM).generate(KeyType.RSA_2048);
        Description rsaKey = Inspections.single(PrivateKeys.toPem(rsa.getPrivate(), null, RANDOM));
        assertThat(Inspections.value(rsaKey, "key")).isEqualTo("RSA 2048");
        assertThat(Inspections.value(rsaKey, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(rsa.getPublic()).sha256());
        KeyPair ed = new KeyPairFactory(RANDOM).generate(KeyType.ED25519);
        Description edKey = Inspections.single(PrivateKeys.toPem(ed.getPrivate(), null, RANDOM));
        assertThat(Inspections.value(edKey, "key")).isEqualTo("Ed25519");
        assertThat(Inspections.value(edKey, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(ed.getPublic()).sha256());
    }

    @Test
    void anEncryptedKeyNamesItsSchemeWithoutDecrypting() {
        KeyPair pair = new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);
        String pem = PrivateKeys.toPem(pair.getPrivate(), PASSPHRASE, RANDOM);
        Inspection inspection = Inspections.pem(pem);
        Description key = inspection.objects().get(0);
        assertThat(Inspections.value(key, "encrypted")).isEqualTo(true);
        assertThat(Inspections.value(key, "encryption"))
                .isEqualTo("PBES2 (PBKDF2 with hmacWithSHA256, 200000 iterations; AES-256-CBC)");
        assertThat(key.value("key")).isEmpty();
        assertThat(key.value("publicKeySha256")).isEmpty();
        assertThat(TextRenderer.render(inspection)).contains("key:        not shown (encrypted;");
        assertNoKeyMaterial(pem, inspection);
    }

    @Test
    void aPassphraseShowsTheTypeAndPublicKeyOfAnEncryptedKey() {
        KeyPair pair = new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);
        String pem = PrivateKeys.toPem(pair.getPrivate(), PASSPHRASE, RANDOM);
        Inspection inspection = new Inspector(PkiFixtures.clock())
                .inspect(pem.getBytes(StandardCharsets.US_ASCII), "key.pem", PASSPHRASE.clone());
        Description key = inspection.objects().get(0);
        assertThat(Inspections.value(key, "key")).isEqualTo("EC P-256");
        assertThat(Inspections.value(key, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(pair.getPublic()).sha256());
        assertNoKeyMaterial(pem, inspection);
    }

    @Test
    void aWrongPassphraseIsOneClearError() {
        String pem = PrivateKeys.toPem(new KeyPairFactory(RANDOM).generate(KeyType.EC_P256).getPrivate(),
                PASSPHRASE, RANDOM);
        assertThatThrownBy(() -> new Inspector(PkiFixtures.clock())
                .inspect(pem.getBytes(StandardCharsets.US_ASCII), "key.pem", "wrong".toCharArray()))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type())
                        .isEqualTo(ErrorType.BAD_PASSPHRASE))
                .hasMessage("key.pem: cannot decrypt the private key (wrong passphrase?)");
    }

    @Test
    void traditionalOpenSslKeysPlainAndEncrypted() throws IOException {
        KeyPair pair = new KeyPairFactory(RANDOM).generate(KeyType.RSA_2048);
        String plain = traditional(pair, null);
        assertThat(plain).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        Description key = Inspections.single(plain);
        assertThat(Inspections.value(key, "format")).isEqualTo("OpenSSL traditional");
        assertThat(Inspections.value(key, "key")).isEqualTo("RSA 2048");
        assertThat(Inspections.value(key, "publicKeySha256")).isEqualTo(PublicKeyInfo.of(pair.getPublic()).sha256());
        String encrypted = traditional(pair, PASSPHRASE);
        Inspection inspection = Inspections.pem(encrypted);
        assertThat(Inspections.value(inspection.objects().get(0), "encryption"))
                .isEqualTo("OpenSSL traditional (AES-256-CBC, MD5 key derivation)");
        assertNoKeyMaterial(encrypted, inspection);
    }

    /** Neither the text nor the JSON output may hold any line of the key's PEM body. */
    static void assertNoKeyMaterial(String pem, Inspection inspection) {
        String text = TextRenderer.render(inspection);
        String json = JsonRenderer.render(inspection);
        pem.lines().filter(line -> !line.startsWith("-----") && !line.contains(":") && !line.isBlank())
                .forEach(line -> {
                    assertThat(text).doesNotContain(line);
                    assertThat(json).doesNotContain(line);
                });
    }

    private static String traditional(KeyPair pair, char[] passphrase) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (passphrase == null) {
                writer.writeObject(pair.getPrivate());
            } else {
                writer.writeObject(pair.getPrivate(), new JcePEMEncryptorBuilder("AES-256-CBC")
                        .setProvider(Jca.provider()).setSecureRandom(RANDOM).build(passphrase));
            }
        }
        return out.toString();
    }
}
