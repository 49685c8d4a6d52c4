package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * A PKCS#11 token (an HSM, or SoftHSM2 in tests) reached through the JDK's SunPKCS11 provider.
 * Keys are generated inside the token as private, sensitive, non-extractable token objects
 * (PKCS#11 v2.40 §4.9: CKA_SENSITIVE, CKA_EXTRACTABLE), and found again by their alias.
 */
public final class Pkcs11Token implements KeySource {
    /**
     * Appended to the operator's configuration: whatever it says, a generated private key is
     * kept in the token and can never be read out of it.
     */
    private static final String KEY_TEMPLATE = "\nattributes(generate, CKO_PRIVATE_KEY, *) = {\n"
            + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";

    private final Provider provider;
    private final KeyStore keyStore;
    private final Path config;

    private Pkcs11Token(Provider provider, KeyStore keyStore, Path config) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.config = config;
    }

    /**
     * Loads the token named by a SunPKCS11 configuration file and logs in.
     *
     * @param config the configuration file ({@code name}, {@code library}, {@code slot}, ...)
     * @param pin the user PIN
     * @return the token, logged in
     */
    public static Pkcs11Token open(Path config, char[] pin) {
        if (!Files.isRegularFile(config)) {
            throw new CachetException(ErrorType.NOT_FOUND, config + ": no such PKCS#11 configuration file");
        }
        Provider provider;
        try {
            String text = new String(PemDocument.readBytes(config), StandardCharsets.UTF_8);
            provider = Security.getProvider("SunPKCS11").configure("--" + text + KEY_TEMPLATE);
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new CachetException(ErrorType.MALFORMED, config + ": cannot load the PKCS#11 token ("
                    + rootMessage(e) + ")", e);
        }
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new Pkcs11Token(provider, keyStore, config.toAbsolutePath());
        } catch (IOException e) {
            throw new CachetException(ErrorType.BAD_PASSPHRASE, config + ": cannot log in to the PKCS#11 token"
                    + " (wrong PIN?)", e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CachetException(ErrorType.UNAVAILABLE, config + ": the PKCS#11 token is not usable ("
                    + rootMessage(e) + ")", e);
        }
    }

    /**
     * Generates a key pair inside the token. It lives in the token from the start; {@link #store}
     * gives it its alias and certificate.
     *
     * @param type an EC or RSA key type (SunPKCS11 has no Ed25519)
     * @return the public key and a handle to the private key
     */
    @Override
    public KeyPair generate(KeyType type) {
        if (type == KeyType.ED25519) {
            throw new CachetException(ErrorType.POLICY, "PKCS#11 CA keys must be EC or RSA, not ed25519");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm(), provider);
            generator.initialize(type.spec().orElseThrow());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CachetException(ErrorType.UNAVAILABLE, config + ": the PKCS#11 token cannot generate a "
                    + type + " key (" + rootMessage(e) + ")", e);
        }
    }

    /** @return the configuration file this token was loaded from */
    public Path config() {
        return config;
    }

    @Override
    public SigningKey signingKey(KeyPair pair) {
        return new TokenSigningKey(pair.getPrivate(), pair.getPublic(), provider);
    }

    /**
     * Labels a generated private key with an alias and stores its certificate beside it, as
     * SunPKCS11's key store finds keys by their certificate.
     *
     * @param alias the alias, unique in the token
     * @param key the private key handle from {@link #generate}
     * @param certificate its certificate
     */
    public void store(String alias, PrivateKey key, X509Certificate certificate) {
        try {
            if (keyStore.containsAlias(alias)) {
                throw new CachetException(ErrorType.ALREADY_EXISTS, config + ": the token already holds a key '"
                        + alias + "'");
            }
            keyStore.setKeyEntry(alias, key, null, new Certificate[] {certificate});
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CachetException(ErrorType.UNAVAILABLE, config + ": cannot store key '" + alias
                    + "' in the PKCS#11 token (" + rootMessage(e) + ")", e);
        }
    }

    /**
     * Finds a key of the token.
     *
     * @param alias its alias
     * @param publicKey its public key, from its certificate
     * @return a signing key whose signatures the token computes
     */
    public SigningKey load(String alias, PublicKey publicKey) {
        Key key;
        try {
            key = keyStore.getKey(alias, null);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CachetException(ErrorType.UNAVAILABLE, config + ": cannot read key '" + alias
                    + "' of the PKCS#11 token (" + rootMessage(e) + ")", e);
        }
        if (!(key instanceof PrivateKey)) {
            throw new CachetException(ErrorType.NOT_FOUND, config + ": the PKCS#11 token holds no private key '"
                    + alias + "'");
        }
        return new TokenSigningKey((PrivateKey) key, publicKey, provider);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
