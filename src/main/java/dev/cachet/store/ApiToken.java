package dev.cachet.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An API token of the REST interface. Only the SHA-256 of its secret is stored.
 *
 * @param id a public identifier
 * @param name a name for people and the audit log, unique
 * @param secretSha256 the hex SHA-256 of the secret
 * @param scopes what the token may do: {@code issue}, {@code revoke}, {@code read}, {@code approve}
 * @param domains the domain suffixes the token may issue for
 * @param createdAt when it was created
 * @param revoked whether it was withdrawn
 */
public record ApiToken(String id, String name, String secretSha256, Set<String> scopes, List<String> domains,
        Instant createdAt, boolean revoked) {

    /** Checks the fields and copies the collections. */
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretSha256, "secretSha256");
        scopes = Set.copyOf(scopes);
        domains = List.copyOf(domains);
    }
}
