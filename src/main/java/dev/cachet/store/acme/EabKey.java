package dev.cachet.store.acme;

import java.time.Instant;
import java.util.Objects;

/**
 * An external account binding key (RFC 8555 §7.3.4), created with {@code cachet acme eab create}.
 *
 * @param keyId the key identifier the client sends as the inner JWS {@code kid}
 * @param hmacKey the MAC key (raw bytes; shown to the operator once, base64url)
 * @param name a label for people
 * @param createdAt when it was created
 * @param boundAccountId the account it was used for (single use), or null
 * @param revokedAt when it was revoked ({@code cachet acme eab revoke}), or null while usable
 */
public record EabKey(String keyId, byte[] hmacKey, String name, Instant createdAt, String boundAccountId,
        Instant revokedAt) {

    /** Checks the fields. */
    public EabKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hmacKey, "hmacKey");
    }

    /**
     * A key that is not revoked.
     *
     * @param keyId the key identifier
     * @param hmacKey the MAC key
     * @param name a label for people
     * @param createdAt when it was created
     * @param boundAccountId the account it was used for, or null
     */
    public EabKey(String keyId, byte[] hmacKey, String name, Instant createdAt, String boundAccountId) {
        this(keyId, hmacKey, name, createdAt, boundAccountId, null);
    }

    /** @return whether the key was revoked */
    public boolean revoked() {
        return revokedAt != null;
    }

    /** @return the record without the key bytes, so that logging cannot leak them */
    @Override
    public String toString() {
        return "EabKey[" + keyId + "]";
    }
}
