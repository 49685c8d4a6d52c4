package dev.cachet.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A public key Cachet never certifies again.
 *
 * @param spkiSha256 the SHA-256 of the DER SubjectPublicKeyInfo, 64 lower-case hex digits
 * @param source why it is blocked, such as {@code keyCompromise revocation of serial 0a1b by token:ops}
 * @param addedAt when it was blocked
 */
public record BlockedKey(String spkiSha256, String source, Instant addedAt) {

    /** Checks the fields. */
    public BlockedKey {
        Objects.requireNonNull(spkiSha256, "spkiSha256");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(addedAt, "addedAt");
        if (!spkiSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + spkiSha256);
        }
    }
}
