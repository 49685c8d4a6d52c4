package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.crypto.SigningKey;
import dev.cachet.crypto.SoftwareSigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * The signer of the certificate that is linted before the CA key signs (Boulder lints a
 * certificate signed by a throwaway key of the issuer's type). It names the issuer's signature
 * algorithm, and its signature value is one a throwaway key of the same type made once, at
 * start: the linted certificate is never verified nor published, so signing each one anew would
 * only double the signatures per issuance. Stateless, so one instance serves every thread.
 */
final class LintSigner implements ContentSigner {
    private final AlgorithmIdentifier algorithm;
    private final byte[] signature;

    private LintSigner(AlgorithmIdentifier algorithm, byte[] signature) {
        this.algorithm = algorithm;
        this.signature = signature;
    }

    /**
     * Makes a stand-in for a CA key.
     *
     * @param key the CA key whose algorithm and signature size to copy
     * @param random randomness for the throwaway key
     * @return the signer
     */
    static LintSigner like(SigningKey key, SecureRandom random) {
        KeyPair pair = new KeyPairFactory(random).generate(typeOf(key));
        ContentSigner throwaway = new SoftwareSigningKey(pair.getPrivate(), pair.getPublic()).contentSigner();
        try (OutputStream out = throwaway.getOutputStream()) {
            out.write(new byte[] {0});
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot sign with the throwaway lint key", e);
        }
        return new LintSigner(key.contentSigner().getAlgorithmIdentifier(), throwaway.getSignature());
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream(); // a new one: Bouncy Castle closes it
    }

    @Override
    public byte[] getSignature() {
        return signature.clone();
    }

    private static KeyType typeOf(SigningKey key) {
        PublicKeyInfo info = PublicKeyInfo.of(key.publicKey());
        if ("RSA".equals(info.algorithm())) {
            return KeyType.RSA_2048;
        }
        if ("Ed25519".equals(info.algorithm())) {
            return KeyType.ED25519;
        }
        return "P-384".equals(info.curve().orElse("")) ? KeyType.EC_P384 : KeyType.EC_P256;
    }
}
