package dev.cachet.testing;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.NonceStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link NonceStore} in memory, for tests: thread-safe, single-use like the database's
 * {@code DELETE ... WHERE expires > now}, with instants to the microsecond.
 */
public final class InMemoryNonceStore implements NonceStore {
    private final Map<String, Instant> nonces = new HashMap<>();

    @Override
    public synchronized void issue(String nonce, Instant expires) {
        if (nonces.putIfAbsent(nonce, StoredTime.of(expires)) != null) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, "ACME nonce already exists");
        }
    }

    @Override
    public synchronized boolean redeem(String nonce, Instant now) {
        Instant expires = nonces.get(nonce);
        return expires != null && expires.isAfter(StoredTime.of(now)) && nonces.remove(nonce) != null;
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int before = nonces.size();
        nonces.values().removeIf(expires -> !expires.isAfter(StoredTime.of(now)));
        return before - nonces.size();
    }
}
