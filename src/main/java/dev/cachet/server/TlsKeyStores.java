package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.crypto.spec.PBEParameterSpec;
import org.bouncycastle.cert.X509CertificateHolder;

/** Builds the in-memory key store a TLS listener serves: one key and its certificate chain. */
public final class TlsKeyStores {

    private static final String PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int SALT_BYTES = 16;

    private TlsKeyStores() {
    }

    /**
     * Builds a key store with the entry {@code server}.
     *
     * @param chain the certificate chain, leaf first, each certificate issued by the next
     * @param key the leaf's private key
     * @param password the password protecting the entry
     * @return the key store
     */
    public static KeyStore of(List<X509CertificateHolder> chain, PrivateKey key, char[] password) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Certificate[] certificates = new Certificate[chain.size()];
            for (int i = 0; i < certificates.length; i++) {
                certificates[i] = factory.generateCertificate(new ByteArrayInputStream(chain.get(i).getEncoded()));
            }
            // Re-create the key with the JDK's provider, which is what Jetty's TLS engine uses.
            PrivateKey jdkKey = KeyFactory.getInstance(key.getAlgorithm().startsWith("EC") ? "EC" : key.getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            // The store lives in memory only, under a random password: key stretching would guard nothing,
            // yet PKCS12's default (10,000 PBKDF2 rounds to store the key and as many to read it) cost
            // a noticeable share of the server's cold start. One round keeps the format and drops the cost.
            byte[] salt = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            store.setEntry("server", new KeyStore.PrivateKeyEntry(jdkKey, certificates),
                    new KeyStore.PasswordProtection(password, PROTECTION, new PBEParameterSpec(salt, 1)));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot load the server certificate: " + e.getMessage(), e);
        }
    }
}
