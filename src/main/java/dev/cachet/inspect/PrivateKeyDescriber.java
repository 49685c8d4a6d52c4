package dev.cachet.inspect;

import dev.cachet.core.CachetException;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.crypto.PublicKeys;
import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Describes a private key by its public half only: format, encryption, key type and the public
 * key's fingerprint. No private value ever enters the description. An encrypted key is described
 * without decrypting it, unless a passphrase is given.
 */
final class PrivateKeyDescriber {

    /**
     * Describes a private key.
     *
     * @param key a private key object as {@link PrivateKeys#isPrivateKeyObject} accepts
     * @param passphrase the passphrase to decrypt an encrypted key with, or null
     * @param source the file name, for messages
     * @return its description
     */
    Description describe(Object key, char[] passphrase, String source) {
        boolean encrypted = key instanceof PKCS8EncryptedPrivateKeyInfo || key instanceof PEMEncryptedKeyPair;
        boolean pkcs8 = key instanceof PrivateKeyInfo || key instanceof PKCS8EncryptedPrivateKeyInfo;
        Fields fields = new Fields()
                .add("format", "format", pkcs8 ? "PKCS#8" : "OpenSSL traditional")
                .add("encrypted", "encrypted", encrypted)
                .add("encryption", "encryption", encrypted ? EncryptionSchemes.describe(key) : null);
        if (encrypted && passphrase == null) {
            fields.text("key", "not shown (encrypted; give --passphrase-file to see the key type)");
        } else {
            fields.addAll(publicHalf(PrivateKeys.read(key, passphrase, source)));
        }
        return new Description(Kind.PRIVATE_KEY, fields.build());
    }

    private static List<Field> publicHalf(PrivateKey key) {
        try {
            return KeyFields.of(PublicKeyInfo.of(PublicKeys.derive(key)));
        } catch (CachetException e) {
            return new Fields().add("key", "key", key.getAlgorithm(),
                    key.getAlgorithm() + " (its public key cannot be derived)").build();
        }
    }
}
