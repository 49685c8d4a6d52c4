package dev.cachet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.NonceService;
import dev.cachet.acme.jws.JwsAuthenticator;
import dev.cachet.acme.jws.KeyMode;
import dev.cachet.core.CachetException;
import dev.cachet.testing.InMemoryAcmeAccountStore;
import dev.cachet.testing.InMemoryNonceStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * ACME request bodies (RFC 8555 §6.2): flattened JWS JSON, the protected header (alg, jwk or kid,
 * url, nonce), the JWK and the signature, as {@link JwsAuthenticator} checks them.
 */
class JwsFuzzTest {
    private static final String BASE = "https://ca.example.org";
    private static final String URL = BASE + "/acme/new-account";
    private static final JwsAuthenticator AUTHENTICATOR = new JwsAuthenticator(new AcmeLinks(BASE),
            new NonceService(new InMemoryNonceStore(), new SecureRandom(), Clock.systemUTC(),
                    Duration.ofHours(1)), new InMemoryAcmeAccountStore());

    @FuzzTest
    void newAccountWithJwk(byte[] body) {
        authenticate(body, KeyMode.JWK);
    }

    @FuzzTest
    void requestWithKid(byte[] body) {
        authenticate(body, KeyMode.KID);
    }

    private static void authenticate(byte[] body, KeyMode mode) {
        try {
            AUTHENTICATOR.authenticate(body, URL, mode);
        } catch (CachetException expected) {
            // Cachet's typed error: the only acceptable outcome for bad input.
        }
    }
}
