package dev.cachet.acme.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Jca;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/** Checks a JWS signature with a public JWK, for the algorithms Cachet accepts. */
public final class JwsVerification {
    /** RFC 8555 §6.2: servers must support ES256 and EdDSA should be; RS256 for older clients. */
    public static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.EdDSA);

    private JwsVerification() {
    }

    /**
     * Verifies a signature.
     *
     * @param jws the JWS
     * @param key the signer's public key
     * @return true when the signature is valid for this key and algorithm
     */
    public static boolean verify(JWSObject jws, JWK key) {
        return verify(jws, key, publicKey(key));
    }

    /**
     * Verifies a signature with a key already converted by {@link #publicKey(JWK)}: Bouncy Castle
     * keeps the precomputed multiples of an EC point with the key object, so a key kept between
     * requests verifies about 2.5 times faster than one converted again (docs/performance.md).
     *
     * @param jws the JWS
     * @param key the signer's public key, as a JWK
     * @param publicKey the same key, as {@link #publicKey(JWK)} returned it
     * @return true when the signature is valid for this key and algorithm
     */
    public static boolean verify(JWSObject jws, JWK key, PublicKey publicKey) {
        try {
            return jws.verify(verifier(jws.getHeader().getAlgorithm(), key, publicKey));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * The JCA public key of a JWK; EC keys are Bouncy Castle's, which verify several times faster
     * than the JDK 17 provider's.
     *
     * @param key an RSA, EC or Ed25519 public JWK
     * @return the public key
     */
    public static PublicKey publicKey(JWK key) {
        try {
            if (key instanceof RSAKey) {
                return ((RSAKey) key).toRSAPublicKey();
            }
            if (key instanceof ECKey) {
                return bouncyCastle(((ECKey) key).toECPublicKey());
            }
            if (key instanceof OctetKeyPair && Curve.Ed25519.equals(((OctetKeyPair) key).getCurve())) {
                return Ed25519Verifier.publicKey((OctetKeyPair) key);
            }
        } catch (JOSEException e) {
            throw new CachetException(ErrorType.MALFORMED, "the JWK is not a valid public key: " + e.getMessage(), e);
        }
        throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "unsupported JWK key type " + key.getKeyType());
    }

    private static ECPublicKey bouncyCastle(ECPublicKey key) throws JOSEException {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC", Jca.provider())
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new JOSEException("invalid EC key", e);
        }
    }

    private static JWSVerifier verifier(JWSAlgorithm algorithm, JWK key, PublicKey publicKey) throws JOSEException {
        if (JWSAlgorithm.RS256.equals(algorithm) && key instanceof RSAKey) {
            return new RSASSAVerifier((RSAPublicKey) publicKey);
        }
        if ((JWSAlgorithm.ES256.equals(algorithm) || JWSAlgorithm.ES384.equals(algorithm)) && key instanceof ECKey) {
            ECDSAVerifier verifier = new ECDSAVerifier((ECPublicKey) publicKey);
            // Bouncy Castle's P-256 and P-384 verify several times faster than the JDK 17 provider's
            // (docs/performance.md); every ACME request pays one verification.
            verifier.getJCAContext().setProvider(Jca.provider());
            return verifier;
        }
        if (JWSAlgorithm.EdDSA.equals(algorithm) && key instanceof OctetKeyPair) {
            return new Ed25519Verifier(publicKey);
        }
        throw new CachetException(ErrorType.BAD_SIGNATURE_ALGORITHM,
                "algorithm " + algorithm + " does not match the " + key.getKeyType() + " key");
    }
}
