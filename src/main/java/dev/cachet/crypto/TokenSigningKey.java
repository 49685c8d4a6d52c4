package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A signing key inside a PKCS#11 token: the private key is only a handle, and the token's
 * provider computes every signature, so the key's bits never leave the token.
 */
final class TokenSigningKey implements SigningKey {
    private final PrivateKey handle;
    private final PublicKey publicKey;
    private final Provider provider;
    private final String algorithm;

    TokenSigningKey(PrivateKey handle, PublicKey publicKey, Provider provider) {
        this.handle = handle;
        this.publicKey = publicKey;
        this.provider = provider;
        this.algorithm = SignatureAlgorithms.forKey(publicKey);
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public ContentSigner contentSigner() {
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(provider).build(handle);
        } catch (OperatorCreationException e) {
            throw new CachetException(ErrorType.INTERNAL, "the PKCS#11 token cannot sign with " + algorithm, e);
        }
    }

    @Override
    public String toString() {
        return "TokenSigningKey[" + PublicKeyInfo.of(publicKey).describe() + ", " + provider.getName() + "]";
    }
}
