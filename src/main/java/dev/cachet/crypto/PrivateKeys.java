package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.operator.OutputEncryptor;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Private keys in PEM: reading PKCS#8 (plain or encrypted) and the traditional OpenSSL forms,
 * and writing PKCS#8, encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) when a passphrase
 * is given. Key material never appears in an exception message.
 */
public final class PrivateKeys {
    /** PBKDF2 iterations for keys Cachet encrypts; slow enough to hinder guessing, fast enough to load. */
    static final int PBKDF2_ITERATIONS = 200_000;

    private PrivateKeys() {
    }

    /**
     * Reads the private key of a PEM document that is not encrypted.
     *
     * @param document the parsed file
     * @return the private key
     */
    public static PrivateKey read(PemDocument document) {
        return read(document, null);
    }

    /**
     * Reads the private key of a PEM document, decrypting it when it is encrypted.
     *
     * @param document the parsed file
     * @param passphrase the passphrase, or null when none was given
     * @return the private key
     */
    public static PrivateKey read(PemDocument document, char[] passphrase) {
        Object key = document.objects().stream().filter(PrivateKeys::isPrivateKeyObject).findFirst()
                .orElseThrow(() -> new CachetException(ErrorType.MALFORMED,
                        document.source() + ": no private key found (found " + document.kinds() + ")"));
        return read(key, passphrase, document.source());
    }

    /**
     * Reads one private key object, as PEMParser returns it or as read from DER, decrypting it
     * when it is encrypted.
     *
     * @param key a {@code PrivateKeyInfo}, {@code PKCS8EncryptedPrivateKeyInfo}, {@code PEMKeyPair}
     *     or {@code PEMEncryptedKeyPair}
     * @param passphrase the passphrase, or null when none was given
     * @param source a name for messages, usually the file name
     * @return the private key
     */
    public static PrivateKey read(Object key, char[] passphrase, String source) {
        if (!isPrivateKeyObject(key)) {
            throw new CachetException(ErrorType.MALFORMED, source + ": not a private key");
        }
        try {
            return convert(key, passphrase, source);
        } catch (PEMException e) {
            throw new CachetException(ErrorType.MALFORMED, source + ": unreadable private key", e);
        }
    }

    /**
     * Tells whether a key is encrypted, without decrypting it.
     *
     * @param document the parsed file
     * @return true for encrypted PKCS#8 or encrypted traditional keys
     */
    public static boolean isEncrypted(PemDocument document) {
        return document.objects().stream()
                .anyMatch(o -> o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair);
    }

    /**
     * Encodes a private key as PKCS#8 PEM.
     *
     * @param key the key
     * @param passphrase a passphrase to encrypt with, or null for no encryption
     * @param random randomness for the salt and IV
     * @return the PEM text
     */
    public static String toPem(PrivateKey key, char[] passphrase, SecureRandom random) {
        try {
            OutputEncryptor encryptor = passphrase == null ? null
                    : new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setPRF(PKCS8Generator.PRF_HMACSHA256)
                            .setIterationCount(PBKDF2_ITERATIONS)
                            .setRandom(random)
                            .setPassword(passphrase)
                            .setProvider(Jca.provider())
                            .build();
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new PKCS8Generator(withoutPublicKey(key), encryptor));
            }
            return out.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode private key", e);
        }
    }

    /**
     * Bouncy Castle encodes Ed25519 keys as PKCS#8 v2 (RFC 5958) with the public key inside, which
     * OpenSSL before 3.5 cannot read; RFC 8410 §7 notes this. The public key follows from the
     * private one, so Cachet writes v1, as OpenSSL does, and still reads both.
     */
    private static PrivateKeyInfo withoutPublicKey(PrivateKey key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        if (info.getPublicKeyData() == null) {
            return info;
        }
        return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes());
    }

    /**
     * Tells whether an object read from PEM or DER is a private key, encrypted or not.
     *
     * @param o an object as PEMParser returns it
     * @return true for PKCS#8 (plain or encrypted) and traditional OpenSSL key pairs
     */
    public static boolean isPrivateKeyObject(Object o) {
        return o instanceof PrivateKeyInfo || o instanceof PKCS8EncryptedPrivateKeyInfo
                || o instanceof PEMKeyPair || o instanceof PEMEncryptedKeyPair;
    }

    private static PrivateKey convert(Object key, char[] passphrase, String source) throws PEMException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Jca.provider());
        if (key instanceof PrivateKeyInfo) {
            return converter.getPrivateKey((PrivateKeyInfo) key);
        }
        if (key instanceof PEMKeyPair) {
            return converter.getKeyPair((PEMKeyPair) key).getPrivate();
        }
        if (passphrase == null) {
            throw new CachetException(ErrorType.BAD_PASSPHRASE,
                    source + ": the private key is encrypted; give its passphrase (--passphrase-file)");
        }
        if (key instanceof PKCS8EncryptedPrivateKeyInfo) {
            return converter.getPrivateKey(decrypt((PKCS8EncryptedPrivateKeyInfo) key, passphrase, source));
        }
        try {
            return converter.getKeyPair(((PEMEncryptedKeyPair) key).decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(Jca.provider()).build(passphrase))).getPrivate();
        } catch (IOException e) {
            throw wrongPassphrase(source, e);
        }
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo key, char[] passphrase, String source) {
        try {
            return key.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(Jca.provider()).build(passphrase));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw wrongPassphrase(source, e);
        }
    }

    private static CachetException wrongPassphrase(String source, Exception cause) {
        return new CachetException(ErrorType.BAD_PASSPHRASE,
                source + ": cannot decrypt the private key (wrong passphrase?)", cause);
    }
}
