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
import java.security.PublicKey;
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
        try {
            return jws.verify(verifier(jws.getHeader().getAlgorithm(), key));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * The JCA public key of a JWK.
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
                return ((ECKey) key).toECPublicKey();
            }
            if (key instanceof OctetKeyPair && Curve.Ed25519.equals(((OctetKeyPair) key).getCurve())) {
                return Ed25519Verifier.publicKey((OctetKeyPair) key);
            }
        } catch (JOSEException e) {
            throw new CachetException(ErrorType.MALFORMED, "the JWK is not a valid public key: " + e.getMessage(), e);
        }
        throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "unsupported JWK key type " + key.getKeyType());
    }

    private static JWSVerifier verifier(JWSAlgorithm algorithm, JWK key) throws JOSEException {
        if (JWSAlgorithm.RS256.equals(algorithm) && key instanceof RSAKey) {
            return new RSASSAVerifier((RSAKey) key);
        }
        if ((JWSAlgorithm.ES256.equals(algorithm) || JWSAlgorithm.ES384.equals(algorithm)) && key instanceof ECKey) {
            ECDSAVerifier verifier = new ECDSAVerifier((ECKey) key);
            // Bouncy Castle's P-256 and P-384 verify several times faster than the JDK 17 provider's
            // (docs/performance.md); every ACME request pays one verification.
            verifier.getJCAContext().setProvider(Jca.provider());
            return verifier;
        }
        if (JWSAlgorithm.EdDSA.equals(algorithm) && key instanceof OctetKeyPair) {
            return new Ed25519Verifier((OctetKeyPair) key);
        }
        throw new CachetException(ErrorType.BAD_SIGNATURE_ALGORITHM,
                "algorithm " + algorithm + " does not match the " + key.getKeyType() + " key");
    }
}
