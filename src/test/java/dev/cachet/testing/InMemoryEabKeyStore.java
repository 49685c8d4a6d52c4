package dev.cachet.testing;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.EabKey;
import dev.cachet.store.acme.EabKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link EabKeyStore} in memory, for tests: thread-safe, binding is a compare-and-set on
 * "unbound and not revoked", key bytes are copied in and out, instants kept to the microsecond.
 */
public final class InMemoryEabKeyStore implements EabKeyStore {
    private final Map<String, EabKey> keys = new HashMap<>();

    @Override
    public synchronized void create(EabKey key) {
        Objects.requireNonNull(key.createdAt(), "createdAt");
        if (keys.putIfAbsent(key.keyId(), with(key, StoredTime.of(key.createdAt()), key.boundAccountId())) != null) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, "EAB key " + key.keyId() + " already exists");
        }
    }

    @Override
    public synchronized Optional<EabKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId)).map(k -> with(k, k.createdAt(), k.boundAccountId()));
    }

    @Override
    public synchronized boolean bind(String keyId, String accountId) {
        EabKey key = keys.get(keyId);
        if (key == null || key.boundAccountId() != null || key.revoked()) {
            return false;
        }
        keys.put(keyId, with(key, key.createdAt(), accountId));
        return true;
    }

    @Override
    public synchronized boolean revoke(String keyId, Instant at) {
        EabKey key = keys.get(keyId);
        if (key == null || key.revoked()) {
            return false;
        }
        keys.put(keyId, new EabKey(key.keyId(), key.hmacKey(), key.name(), key.createdAt(), key.boundAccountId(),
                StoredTime.of(at)));
        return true;
    }

    @Override
    public synchronized List<EabKey> list() {
        return keys.values().stream().sorted(Comparator.comparing(EabKey::createdAt).thenComparing(EabKey::keyId))
                .map(k -> with(k, k.createdAt(), k.boundAccountId())).toList();
    }

    private static EabKey with(EabKey key, Instant createdAt, String boundAccountId) {
        return new EabKey(key.keyId(), key.hmacKey().clone(), key.name(), createdAt, boundAccountId,
                key.revokedAt());
    }
}
