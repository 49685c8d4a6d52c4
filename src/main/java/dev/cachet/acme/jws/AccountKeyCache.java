package dev.cachet.acme.jws;

import com.nimbusds.jose.jwk.JWK;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.PublicKey;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored account keys, parsed and converted once: every request of an account is verified with its
 * key, and a key object kept between requests verifies faster (Bouncy Castle keeps the point's
 * precomputed multiples with it). Entries are found by the stored JWK's JSON, so a key rollover,
 * which stores new JSON, is never answered with the old key. The account itself (its status) is
 * still read for every request. Emptied when full, so the memory stays bounded.
 */
final class AccountKeyCache {
    /** A parsed account key and its JCA form. */
    record AccountKey(JWK jwk, PublicKey publicKey) {
    }

    private final int capacity;
    private final Map<String, AccountKey> keys = new ConcurrentHashMap<>();

    AccountKeyCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The key of a stored JWK.
     *
     * @param json the account's JWK as stored
     * @return the parsed key
     */
    AccountKey key(String json) {
        AccountKey known = keys.get(json);
        if (known != null) {
            return known;
        }
        AccountKey parsed = parse(json);
        if (keys.size() >= capacity) {
            keys.clear();
        }
        keys.put(json, parsed);
        return parsed;
    }

    private static AccountKey parse(String json) {
        try {
            JWK jwk = JWK.parse(json);
            return new AccountKey(jwk, JwsVerification.publicKey(jwk));
        } catch (ParseException e) {
            throw new CachetException(ErrorType.INTERNAL, "a stored account key does not parse", e);
        }
    }
}
