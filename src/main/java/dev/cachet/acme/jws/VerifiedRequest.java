package dev.cachet.acme.jws;

import com.nimbusds.jose.jwk.JWK;
import dev.cachet.store.acme.AcmeAccount;
import java.util.Optional;

/**
 * A request whose JWS, url and nonce were checked.
 *
 * @param key the key that signed it
 * @param account the account of a {@code kid} request; empty for {@code jwk} requests
 * @param payload the payload bytes; empty for POST-as-GET
 */
public record VerifiedRequest(JWK key, Optional<AcmeAccount> account, byte[] payload) {

    /** @return true for POST-as-GET (RFC 8555 §6.3: the payload is the empty string) */
    public boolean postAsGet() {
        return payload.length == 0;
    }

    /** @return the account, which a {@code kid} request always has */
    public AcmeAccount requireAccount() {
        return account.orElseThrow(() -> new IllegalStateException("not a kid request"));
    }
}
