package dev.cachet.store.acme;

import java.time.Instant;

/**
 * What replay nonces (RFC 8555 §6.5) need from the database shared by all instances: the key that
 * authenticates them, and the record of the used ones, so that a nonce is single-use everywhere.
 */
public interface NonceStore {

    /**
     * The key every instance signs its nonces with: the stored one, or the candidate when none is
     * stored yet (the first instance to store its candidate wins).
     *
     * @param candidate a fresh random key, stored when the database has none
     * @return the shared key
     */
    byte[] sharedKey(byte[] candidate);

    /**
     * Marks a nonce used: succeeds once per nonce.
     *
     * @param nonceId the nonce's random part
     * @param expires when the nonce expires; the record may be deleted after that
     * @return true when the nonce had not been used before
     */
    boolean redeem(String nonceId, Instant expires);

    /**
     * Deletes records of used nonces that have expired, at most {@code limit} of them.
     *
     * @param now the current time
     * @param limit the most rows to delete in one go
     * @return how many were deleted
     */
    int purgeExpired(Instant now, int limit);
}
