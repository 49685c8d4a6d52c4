package dev.cachet.store;

import java.util.List;
import java.util.Optional;

/** API tokens. */
public interface TokenStore {

    /**
     * Stores a new token; fails with {@code ErrorType.ALREADY_EXISTS} when the name is taken.
     *
     * @param token the token
     */
    void create(ApiToken token);

    /**
     * Finds a token by the hash of its secret.
     *
     * @param secretSha256 the hex SHA-256 of the presented secret
     * @return the token, or empty
     */
    Optional<ApiToken> findBySecretHash(String secretSha256);

    /** @return all tokens, by name */
    List<ApiToken> list();

    /**
     * Withdraws a token.
     *
     * @param name its name
     * @return true when a token of that name was withdrawn now
     */
    boolean revoke(String name);
}
