package dev.cachet.store.acme;

import java.time.Instant;
import java.util.Objects;

/**
 * A challenge of an authorization (RFC 8555 §7.1.5, §8).
 *
 * @param id the challenge id
 * @param type {@code http-01}, {@code dns-01} or {@code tls-alpn-01}
 * @param token the token, base64url of 128 random bits or more
 * @param status its status
 * @param validated when it became valid, or null
 * @param error why it failed, or null
 * @param validationRecords what the validation looked at, as JSON text, or null
 */
public record AcmeChallenge(String id, String type, String token, ChallengeStatus status, Instant validated,
        AcmeProblem error, String validationRecords) {

    /** Checks the fields. */
    public AcmeChallenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(status, "status");
    }
}
