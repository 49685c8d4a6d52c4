package dev.cachet.store.acme;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** External account binding keys. */
public interface EabKeyStore {

    /**
     * Stores a new key; fails with {@code ALREADY_EXISTS} when the key id is taken.
     *
     * @param key the key
     */
    void create(EabKey key);

    /**
     * Finds a key.
     *
     * @param keyId the key id
     * @return the key, or empty
     */
    Optional<EabKey> find(String keyId);

    /**
     * Revokes a key, compare-and-set on "not revoked": a revoked key binds no account.
     *
     * @param keyId the key id
     * @param at the time of revocation
     * @return false when the key does not exist or was revoked already
     */
    boolean revoke(String keyId, Instant at);

    /**
     * Binds a key to the account it created (single use), compare-and-set on "unbound and not revoked".
     *
     * @param keyId the key id
     * @param accountId the account
     * @return false when the key was bound already
     */
    boolean bind(String keyId, String accountId);

    /** @return every key, by creation time */
    List<EabKey> list();
}
