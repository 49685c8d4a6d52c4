package dev.cachet.store;

import java.util.Optional;

/** The blocked public keys, fed by revocations for keyCompromise (BR 4.9.1.1, 6.1.1.3). */
public interface BlockedKeyStore {

    /**
     * Blocks a key; blocking a key that is blocked already changes nothing.
     *
     * @param key the key's hash and why
     * @return true when it was added now, false when it was blocked already
     */
    boolean add(BlockedKey key);

    /**
     * Finds a blocked key.
     *
     * @param spkiSha256 the SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex
     * @return the entry, or empty when the key is not blocked
     */
    Optional<BlockedKey> find(String spkiSha256);
}
