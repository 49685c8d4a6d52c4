package dev.cachet.testing;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.ApiToken;
import dev.cachet.store.TokenStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link TokenStore} in memory, for tests: thread-safe, by name, with the database's unique names. */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentSkipListMap<String, ApiToken> tokens = new ConcurrentSkipListMap<>();

    @Override
    public void create(ApiToken token) {
        if (tokens.putIfAbsent(token.name(), token) != null) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, "API token '" + token.name() + "' already exists");
        }
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretSha256) {
        return tokens.values().stream().filter(t -> t.secretSha256().equals(secretSha256)).findFirst();
    }

    @Override
    public List<ApiToken> list() {
        return List.copyOf(tokens.values());
    }

    /** Also false for an unknown name, as the SQL update. */
    @Override
    public boolean revoke(String name) {
        ApiToken current = tokens.get(name);
        if (current == null || current.revoked()) {
            return false;
        }
        ApiToken revoked = new ApiToken(current.id(), current.name(), current.secretSha256(), current.scopes(),
                current.domains(), current.createdAt(), true);
        return tokens.replace(name, current, revoked);
    }
}
