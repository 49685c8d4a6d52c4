package dev.cachet.store.acme;

import java.util.List;
import java.util.Optional;

/** ACME accounts. */
public interface AcmeAccountStore {

    /**
     * Stores a new account; fails with {@code ALREADY_EXISTS} when its key is taken.
     *
     * @param account the account
     */
    void create(AcmeAccount account);

    /**
     * Finds an account.
     *
     * @param id the id
     * @return the account, or empty
     */
    Optional<AcmeAccount> find(String id);

    /**
     * Finds the account of a key.
     *
     * @param keyThumbprint the RFC 7638 thumbprint
     * @return the account, or empty
     */
    Optional<AcmeAccount> findByThumbprint(String keyThumbprint);

    /**
     * Replaces the contact URLs of a valid account.
     *
     * @param id the account
     * @param contact the new contact URLs
     * @return false when the account is not valid
     */
    boolean updateContact(String id, List<String> contact);

    /**
     * Deactivates a valid account (VALID to DEACTIVATED).
     *
     * @param id the account
     * @return false when it was not valid
     */
    boolean deactivate(String id);

    /**
     * Rolls an account's key over (RFC 8555 §7.3.5), compare-and-set on the old key; fails with
     * {@code ALREADY_EXISTS} when the new key belongs to another account.
     *
     * @param id the account
     * @param oldThumbprint the thumbprint of its current key
     * @param newThumbprint the thumbprint of the new key
     * @param newJwk the new key as JWK JSON
     * @return false when the current key is no longer the old one
     */
    boolean changeKey(String id, String oldThumbprint, String newThumbprint, String newJwk);
}
