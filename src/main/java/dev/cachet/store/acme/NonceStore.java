package dev.cachet.store.acme;

import java.time.Instant;

/** Replay nonces (RFC 8555 §6.5), shared by all instances so a nonce is single-use everywhere. */
public interface NonceStore {

    /**
     * Records a nonce just handed out.
     *
     * @param nonce the nonce
     * @param expires when it stops being accepted
     */
    void issue(String nonce, Instant expires);

    /**
     * Uses a nonce up: succeeds once, and only before it expires.
     *
     * @param nonce the nonce
     * @param now the current time
     * @return true when the nonce was valid and is now used
     */
    boolean redeem(String nonce, Instant now);

    /**
     * Deletes expired nonces.
     *
     * @param now the current time
     * @return how many were deleted
     */
    int purgeExpired(Instant now);
}
