package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

/** Derives the public key of a private key read from a file. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /**
     * Computes the public half of a private key read through {@link PrivateKeys}.
     *
     * @param key an RSA (CRT form), EC or Ed25519 private key from the Bouncy Castle provider
     * @return its public key
     */
    public static PublicKey derive(PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey) {
                RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
                return KeyFactory.getInstance("RSA", Jca.provider())
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (key instanceof ECPrivateKey) {
                ECPrivateKey ec = (ECPrivateKey) key;
                ECParameterSpec parameters = ec.getParameters();
                return KeyFactory.getInstance("EC", Jca.provider()).generatePublic(
                        new ECPublicKeySpec(parameters.getG().multiply(ec.getD()).normalize(), parameters));
            }
            if (key instanceof EdDSAPrivateKey) {
                return ((EdDSAPrivateKey) key).getPublicKey();
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CachetException(ErrorType.MALFORMED, "cannot derive the public key: " + e.getMessage(), e);
        }
        throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "unsupported private key type " + key.getAlgorithm());
    }
}
