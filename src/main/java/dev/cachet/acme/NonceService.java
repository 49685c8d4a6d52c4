package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.NonceStore;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hands out replay nonces and uses them up (RFC 8555 §6.5). A nonce is
 * {@code base64url(id || expiry || HMAC(key, id || expiry))}: issuing one needs no database, and
 * any instance sharing the key (kept in the database) recognises it. The id's first byte says who
 * keeps single use: {@value #SHARED} the database, where redeeming records the id once so that a
 * replay fails on every instance; {@value #LOCAL} this process alone ({@link LocalNonces}), for the
 * one process serving ACME from an embedded database, which then writes nothing to redeem a nonce.
 */
public final class NonceService {
    private static final String MAC = "HmacSHA256";
    private static final int ID_BYTES = 16;
    private static final int EXPIRY_BYTES = Long.BYTES;
    private static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = ID_BYTES + EXPIRY_BYTES + TAG_BYTES;
    private static final int KEY_BYTES = 32;
    private static final byte SHARED = 0;
    private static final byte LOCAL = 1;
    private static final Pattern NONCE_TEXT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** How many of a process's latest local nonces can be redeemed: 2^20, about 17 min at 1,000/s. */
    private static final int LOCAL_WINDOW_BITS = 20;
    /** Every this many redeems, expired records of used nonces are deleted, in batches of PURGE_BATCH. */
    private static final int PURGE_EVERY = 256;
    private static final int PURGE_BATCH = 4 * PURGE_EVERY;

    private final NonceStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;
    private final ThreadLocal<Mac> macs;
    private final AtomicLong redeemed = new AtomicLong();
    private final LocalNonces local;

    /**
     * Creates the service of an instance that shares its database with others: its nonces are
     * redeemed in the database. Reads the shared key from the store, storing a new one if it has none.
     *
     * @param store the shared nonce store
     * @param random makes the nonces (and the key, once)
     * @param clock the time source
     * @param lifetime how long a nonce is accepted
     */
    public NonceService(NonceStore store, SecureRandom random, Clock clock, Duration lifetime) {
        this(store, random, clock, lifetime, null);
    }

    /**
     * Creates the service of the only process serving ACME from its database: its own nonces are
     * redeemed in memory and are refused after it restarts; nonces of other processes still go to
     * the store.
     *
     * @param store the nonce store, for the key and for nonces other processes hand out
     * @param random makes the nonces
     * @param clock the time source
     * @param lifetime how long a nonce is accepted
     * @return the service
     */
    public static NonceService soleInstance(NonceStore store, SecureRandom random, Clock clock, Duration lifetime) {
        return new NonceService(store, random, clock, lifetime, new LocalNonces(random, LOCAL_WINDOW_BITS));
    }

    NonceService(NonceStore store, SecureRandom random, Clock clock, Duration lifetime, LocalNonces local) {
        this.local = local;
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.lifetime = lifetime;
        byte[] candidate = new byte[KEY_BYTES];
        random.nextBytes(candidate);
        SecretKeySpec key = new SecretKeySpec(store.sharedKey(candidate), MAC);
        this.macs = ThreadLocal.withInitial(() -> mac(key));
    }

    /** @return a fresh nonce */
    public String next() {
        byte[] nonce = new byte[NONCE_BYTES];
        if (local == null) {
            random.nextBytes(nonce);
            nonce[0] = SHARED;
        } else {
            nonce[0] = LOCAL;
            System.arraycopy(local.prefix(), 0, nonce, 1, LocalNonces.PREFIX_BYTES);
            ByteBuffer.wrap(nonce, 1 + LocalNonces.PREFIX_BYTES, Long.BYTES).putLong(local.next());
        }
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        ByteBuffer.wrap(nonce, ID_BYTES, EXPIRY_BYTES).putLong(expiry);
        System.arraycopy(tag(nonce), 0, nonce, ID_BYTES + EXPIRY_BYTES, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    /**
     * Uses a nonce up.
     *
     * @param nonce the nonce of a request
     */
    public void redeem(String nonce) {
        if (nonce == null || nonce.isEmpty()) {
            throw new CachetException(ErrorType.BAD_NONCE, "the JWS has no nonce");
        }
        byte[] bytes = decode(nonce);
        Instant now = clock.instant();
        if (bytes == null || !MessageDigest.isEqual(tag(bytes), Arrays.copyOfRange(bytes, ID_BYTES + EXPIRY_BYTES,
                NONCE_BYTES))) {
            throw new CachetException(ErrorType.BAD_NONCE, "the nonce is not one of this server's");
        }
        Instant expires = Instant.ofEpochSecond(ByteBuffer.wrap(bytes, ID_BYTES, EXPIRY_BYTES).getLong());
        if (!expires.isAfter(now)) {
            throw new CachetException(ErrorType.BAD_NONCE, "the nonce has expired");
        }
        switch (bytes[0]) {
            case SHARED -> redeemShared(bytes, expires, now);
            case LOCAL -> redeemLocal(bytes);
            default -> throw new CachetException(ErrorType.BAD_NONCE, "the nonce is not one of this server's");
        }
    }

    private void redeemShared(byte[] bytes, Instant expires, Instant now) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(bytes, ID_BYTES));
        if (!store.redeem(id, expires)) {
            throw usedAlready();
        }
        if (redeemed.incrementAndGet() % PURGE_EVERY == 0) {
            store.purgeExpired(now, PURGE_BATCH);
        }
    }

    private void redeemLocal(byte[] bytes) {
        if (local == null || !local.isOwn(Arrays.copyOfRange(bytes, 1, 1 + LocalNonces.PREFIX_BYTES))) {
            throw new CachetException(ErrorType.BAD_NONCE,
                    "the nonce was handed out by another instance, or before this one restarted");
        }
        switch (local.redeem(ByteBuffer.wrap(bytes, 1 + LocalNonces.PREFIX_BYTES, Long.BYTES).getLong())) {
            case FRESH -> { }
            case USED -> throw usedAlready();
            default -> throw new CachetException(ErrorType.BAD_NONCE,
                    "the nonce is too old: too many newer ones were handed out");
        }
    }

    private static CachetException usedAlready() {
        return new CachetException(ErrorType.BAD_NONCE, "the nonce was used already");
    }

    private static byte[] decode(String nonce) {
        if (!NONCE_TEXT.matcher(nonce).matches()) {
            return null;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(nonce);
        return bytes.length == NONCE_BYTES ? bytes : null;
    }

    /** The first TAG_BYTES of the HMAC of a nonce's id and expiry. */
    private byte[] tag(byte[] nonce) {
        Mac mac = macs.get();
        mac.update(nonce, 0, ID_BYTES + EXPIRY_BYTES);
        return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
