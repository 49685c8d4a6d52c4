package dev.cachet.acme;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The replay nonces of a process that is the only one serving ACME from its database (the embedded
 * H2 file's owner): they are used up in memory, with no database write. RFC 8555 §6.5 asks that a
 * nonce be accepted once, not that its use survive a restart: each nonce carries this process's
 * random boot prefix and a counter, so after a restart, or at another process, it is refused as
 * {@code badNonce} and the client retries with the fresh nonce of the error, as with Boulder's
 * nonce service. A sliding window of the last {@code 2^windowBits} counters records which were used;
 * an older one is refused the same way, which keeps the memory bounded (128 KB for 2^20).
 */
final class LocalNonces {
    /** The length of the boot prefix in a nonce's id. */
    static final int PREFIX_BYTES = 7;

    /** What redeeming a counter found. */
    enum Outcome { FRESH, USED, TOO_OLD }

    private final byte[] prefix = new byte[PREFIX_BYTES];
    private final long window;
    private final long[] used;
    private long issued;

    /**
     * Creates the nonces of one boot of this process.
     *
     * @param random makes the boot prefix
     * @param windowBits log2 of how many of the latest nonces can still be redeemed (6 to 30)
     */
    LocalNonces(SecureRandom random, int windowBits) {
        if (windowBits < 6 || windowBits > 30) {
            throw new IllegalArgumentException("windowBits must be 6 to 30: " + windowBits);
        }
        random.nextBytes(prefix);
        this.window = 1L << windowBits;
        this.used = new long[(int) (window / Long.SIZE)];
    }

    /** @return a copy of this boot's prefix */
    byte[] prefix() {
        return prefix.clone();
    }

    /**
     * @param candidate a nonce's prefix bytes
     * @return whether they are this boot's
     */
    boolean isOwn(byte[] candidate) {
        return Arrays.equals(prefix, candidate);
    }

    /** @return the counter of a new nonce, unused */
    synchronized long next() {
        long counter = issued++;
        // The slot last held the counter one window earlier, which is too old to redeem from now on.
        used[slot(counter)] &= ~bit(counter);
        return counter;
    }

    /**
     * Uses a nonce of this boot up.
     *
     * @param counter the nonce's counter, authenticated by the caller
     * @return FRESH the first time within the window, USED after, TOO_OLD once the window has passed it
     */
    synchronized Outcome redeem(long counter) {
        if (counter < 0 || counter >= issued || issued - counter > window) {
            return Outcome.TOO_OLD;
        }
        int slot = slot(counter);
        if ((used[slot] & bit(counter)) != 0) {
            return Outcome.USED;
        }
        used[slot] |= bit(counter);
        return Outcome.FRESH;
    }

    private int slot(long counter) {
        return (int) ((counter & (window - 1)) >>> 6);
    }

    private static long bit(long counter) {
        return 1L << (counter & (Long.SIZE - 1));
    }
}
