package dev.cachet.acme;

import java.security.SecureRandom;
import java.util.Base64;

/** Random URL-safe identifiers and tokens. */
public final class Ids {
    private final SecureRandom random;

    /**
     * Creates a source of ids.
     *
     * @param random the CSPRNG
     */
    public Ids(SecureRandom random) {
        this.random = random;
    }

    /** @return a 96-bit id for accounts, orders, authorizations and challenges */
    public String id() {
        return random(12);
    }

    /** @return a 128-bit value for challenge tokens (RFC 8555 §8.3) and nonces */
    public String token() {
        return random(16);
    }

    private String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
