package dev.cachet.store.acme;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of validating a challenge, to store.
 *
 * @param authorizationId the authorization
 * @param challengeId the challenge
 * @param valid whether the challenge was met
 * @param error why not, or null
 * @param validationRecords what was looked at, JSON text, or null
 * @param at when validation finished
 * @param authorizationExpires the authorization's new expiry when valid (its reuse period)
 */
public record ChallengeOutcome(String authorizationId, String challengeId, boolean valid, AcmeProblem error,
        String validationRecords, Instant at, Instant authorizationExpires) {

    /** Checks the fields. */
    public ChallengeOutcome {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(at, "at");
    }
}
