package dev.cachet.testing;

import dev.cachet.store.BlockedKey;
import dev.cachet.store.BlockedKeyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BlockedKeyStore} in memory, for tests. */
public final class InMemoryBlockedKeyStore implements BlockedKeyStore {
    private final Map<String, BlockedKey> keys = new ConcurrentHashMap<>();

    @Override
    public boolean add(BlockedKey key) {
        return keys.putIfAbsent(key.spkiSha256(), key) == null;
    }

    @Override
    public Optional<BlockedKey> find(String spkiSha256) {
        return Optional.ofNullable(keys.get(spkiSha256));
    }
}
