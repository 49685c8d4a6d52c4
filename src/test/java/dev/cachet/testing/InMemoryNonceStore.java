package dev.cachet.testing;

import dev.cachet.store.acme.NonceStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@link NonceStore} in memory, for tests: thread-safe, single-use like the database's primary
 * key, with instants to the microsecond.
 */
public final class InMemoryNonceStore implements NonceStore {
    private final Map<String, Instant> used = new HashMap<>();
    private byte[] key;

    @Override
    public synchronized byte[] sharedKey(byte[] candidate) {
        if (key == null) {
            key = candidate.clone();
        }
        return key.clone();
    }

    @Override
    public synchronized boolean redeem(String nonceId, Instant expires) {
        return used.putIfAbsent(nonceId, StoredTime.of(expires)) == null;
    }

    @Override
    public synchronized int purgeExpired(Instant now, int limit) {
        int deleted = 0;
        Iterator<Map.Entry<String, Instant>> oldest = used.entrySet().stream()
                .filter(entry -> !entry.getValue().isAfter(StoredTime.of(now)))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).limit(limit).toList().iterator();
        while (oldest.hasNext()) {
            used.remove(oldest.next().getKey());
            deleted++;
        }
        return deleted;
    }
}
