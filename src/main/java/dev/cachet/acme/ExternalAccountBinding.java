package dev.cachet.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWK;
import dev.cachet.acme.jws.FlattenedJws;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.EabKey;
import dev.cachet.store.acme.EabKeyStore;
import java.text.ParseException;
import java.util.Set;

/**
 * External account binding (RFC 8555 §7.3.4): the newAccount payload carries a JWS, MACed with a
 * key the operator handed out, whose payload is the account's public key.
 */
public final class ExternalAccountBinding {
    private static final Set<JWSAlgorithm> MACS = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EabKeyStore keys;
    private final boolean required;

    /**
     * Creates the checker.
     *
     * @param keys the EAB keys
     * @param required whether every new account needs a binding
     */
    public ExternalAccountBinding(EabKeyStore keys, boolean required) {
        this.keys = keys;
        this.required = required;
    }

    /**
     * Checks a binding.
     *
     * @param binding the {@code externalAccountBinding} field, or null
     * @param accountKey the key of the outer JWS
     * @param newAccountUrl the newAccount URL
     * @return the EAB key id, or null when there is no binding and none is required
     */
    public String check(JsonNode binding, JWK accountKey, String newAccountUrl) {
        if (binding == null || binding.isNull()) {
            if (required) {
                throw new CachetException(ErrorType.EXTERNAL_ACCOUNT_REQUIRED,
                        "this server requires external account binding (cachet acme eab create)");
            }
            return null;
        }
        JWSObject jws = FlattenedJws.parse(bytes(binding));
        if (!MACS.contains(jws.getHeader().getAlgorithm())) {
            throw malformed("the external account binding must use HS256, HS384 or HS512");
        }
        if (!newAccountUrl.equals(jws.getHeader().getCustomParam("url"))
                || jws.getHeader().getCustomParam("nonce") != null) {
            throw malformed("the external account binding must name the newAccount URL and carry no nonce");
        }
        String keyId = jws.getHeader().getKeyID();
        EabKey key = keyId == null ? null : keys.find(keyId).orElse(null);
        if (key == null || key.boundAccountId() != null) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "unknown or already used external account key");
        }
        if (key.revoked()) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "the external account key " + keyId + " was revoked");
        }
        if (!macVerifies(jws, key) || !samePublicKey(jws, accountKey)) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "the external account binding does not verify");
        }
        return keyId;
    }

    /**
     * Marks a key as used by the account it created.
     *
     * @param keyId the key
     * @param accountId the account
     */
    public void bind(String keyId, String accountId) {
        keys.bind(keyId, accountId);
    }

    private static boolean macVerifies(JWSObject jws, EabKey key) {
        try {
            return jws.verify(new MACVerifier(key.hmacKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static boolean samePublicKey(JWSObject jws, JWK accountKey) {
        try {
            JWK inner = JWK.parse(jws.getPayload().toString());
            return AccountService.thumbprint(inner).equals(AccountService.thumbprint(accountKey));
        } catch (ParseException e) {
            return false;
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed("unreadable external account binding");
        }
    }

    private static CachetException malformed(String detail) {
        return new CachetException(ErrorType.MALFORMED, detail);
    }
}
