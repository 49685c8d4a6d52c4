package dev.cachet.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.net.URI;
import java.util.Optional;

/**
 * An ACME account key (EC P-256, ES256) that signs requests as flattened JWS (RFC 8555 §6.2): with
 * its JWK before the account exists, with the account URL as {@code kid} after.
 */
public final class AccountKey {
    private final ECKey key;
    private final ECDSASigner signer;
    private final String thumbprint;

    private AccountKey(ECKey key) throws JOSEException {
        this.key = key;
        this.signer = new ECDSASigner(key);
        this.thumbprint = key.computeThumbprint().toString();
    }

    /** @return a new random key */
    public static AccountKey generate() {
        try {
            return new AccountKey(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot make an account key", e);
        }
    }

    /** @return the public JWK */
    public ECKey publicJwk() {
        return key.toPublicJWK();
    }

    /**
     * The key authorization of a challenge token (RFC 8555 §8.1).
     *
     * @param token the challenge's token
     * @return {@code token.thumbprint}
     */
    public String keyAuthorization(String token) {
        return token + "." + thumbprint;
    }

    /**
     * Signs a request body.
     *
     * @param url the request URL, protected in the header
     * @param nonce a fresh nonce of the server's
     * @param kid the account URL, or empty to send the JWK (newAccount)
     * @param payload the JSON payload, or the empty string for POST-as-GET
     * @return the flattened JWS JSON serialization
     */
    public String sign(URI url, String nonce, Optional<URI> kid, String payload) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .customParam("nonce", nonce).customParam("url", url.toString());
        if (kid.isPresent()) {
            header.keyID(kid.get().toString());
        } else {
            header.jwk(publicJwk());
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot sign the request", e);
        }
        return "{\"protected\":\"" + jws.getHeader().toBase64URL() + "\",\"payload\":\""
                + jws.getPayload().toBase64URL() + "\",\"signature\":\"" + jws.getSignature() + "\"}";
    }
}
