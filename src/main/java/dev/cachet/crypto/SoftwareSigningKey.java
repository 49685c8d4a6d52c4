package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A signing key held in memory, read from a PKCS#8 file or freshly generated. */
public final class SoftwareSigningKey implements SigningKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String algorithm;

    /**
     * Wraps a key pair.
     *
     * @param privateKey the private key
     * @param publicKey its public key
     */
    public SoftwareSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.algorithm = SignatureAlgorithms.forKey(publicKey);
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public ContentSigner contentSigner() {
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(Jca.provider()).build(privateKey);
        } catch (OperatorCreationException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot sign with the " + algorithm + " key", e);
        }
    }

    @Override
    public String toString() {
        return "SoftwareSigningKey[" + PublicKeyInfo.of(publicKey).describe() + "]";
    }
}
