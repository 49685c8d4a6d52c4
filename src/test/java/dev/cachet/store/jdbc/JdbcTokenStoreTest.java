package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.JdbcCertificateStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import dev.cachet.store.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcTokenStore} must do. */
class JdbcTokenStoreTest extends StoreContract {
    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00.123456Z");

    @Test
    void aTokenIsFoundByTheHashOfItsSecretWithEveryField() {
        JdbcTokenStore store = new JdbcTokenStore(dataSource());
        ApiToken token = token("deploy", "a1", Set.of("issue", "read"), List.of("example.org", ".internal.example"));
        store.create(token);

        assertThat(store.findBySecretHash(hash("a1"))).contains(token);
        assertThat(store.findBySecretHash(hash("b2"))).isEmpty();
    }

    @Test
    void aTakenNameIsAlreadyExists() {
        JdbcTokenStore store = new JdbcTokenStore(dataSource());
        store.create(token("deploy", "a1", Set.of("issue"), List.of()));

        assertFails(ErrorType.ALREADY_EXISTS, () -> store.create(token("deploy", "b2", Set.of("read"), List.of())));

        assertThat(store.list()).singleElement().extracting(ApiToken::secretSha256).isEqualTo(hash("a1"));
    }

    @Test
    void listIsByNameAndRevokeWithdrawsOnce() {
        JdbcTokenStore store = new JdbcTokenStore(dataSource());
        store.create(token("zeta", "z", Set.of(), List.of()));
        store.create(token("alpha", "a", Set.of("revoke", "approve"), List.of("a.example")));

        assertThat(store.revoke("zeta")).isTrue();
        assertThat(store.revoke("zeta")).isFalse();
        assertThat(store.revoke("nobody")).isFalse();

        assertThat(store.list()).extracting(ApiToken::name).containsExactly("alpha", "zeta");
        assertThat(store.list()).extracting(ApiToken::revoked).containsExactly(false, true);
        assertThat(store.findBySecretHash(hash("z")).orElseThrow().revoked()).isTrue();
    }

    private static ApiToken token(String name, String secret, Set<String> scopes, List<String> domains) {
        return new ApiToken("id-" + name, name, hash(secret), scopes, domains, CREATED, false);
    }

    private static String hash(String secret) {
        return secret.repeat(64).substring(0, 64);
    }
}
