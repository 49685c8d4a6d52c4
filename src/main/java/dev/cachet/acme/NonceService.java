package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.NonceStore;
import java.time.Clock;
import java.time.Duration;

/** Hands out replay nonces and uses them up (RFC 8555 §6.5); shared by instances through the store. */
public final class NonceService {
    private final NonceStore store;
    private final Ids ids;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * Creates the service.
     *
     * @param store the shared nonce store
     * @param ids makes the nonces
     * @param clock the time source
     * @param lifetime how long a nonce is accepted
     */
    public NonceService(NonceStore store, Ids ids, Clock clock, Duration lifetime) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** @return a fresh nonce */
    public String next() {
        String nonce = ids.token();
        store.issue(nonce, clock.instant().plus(lifetime));
        return nonce;
    }

    /**
     * Uses a nonce up.
     *
     * @param nonce the nonce of a request
     */
    public void redeem(String nonce) {
        if (nonce == null || nonce.isEmpty()) {
            throw new CachetException(ErrorType.BAD_NONCE, "the JWS has no nonce");
        }
        if (!nonce.matches("[A-Za-z0-9_-]{1,64}") || !store.redeem(nonce, clock.instant())) {
            throw new CachetException(ErrorType.BAD_NONCE, "the nonce is unknown, used or expired");
        }
    }
}
