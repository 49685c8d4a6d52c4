package dev.cachet.store.acme;

import dev.cachet.core.Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authorization (RFC 8555 §7.1.4): the proof, for one account, of control of one identifier.
 *
 * @param id the authorization id
 * @param accountId the account it belongs to
 * @param identifier the identifier, without {@code *.} for wildcards
 * @param wildcard whether it was created for a wildcard name (then only dns-01 is offered)
 * @param status its status
 * @param expires when it expires
 * @param challenges its challenges
 */
public record AcmeAuthorization(String id, String accountId, Identifier identifier, boolean wildcard,
        AuthorizationStatus status, Instant expires, List<AcmeChallenge> challenges) {

    /** Checks and copies the fields. */
    public AcmeAuthorization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expires, "expires");
        challenges = List.copyOf(challenges);
    }
}
