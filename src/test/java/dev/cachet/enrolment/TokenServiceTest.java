package dev.cachet.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.ApiToken;
import dev.cachet.store.AuditEvent;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.InMemoryTokenStore;
import dev.cachet.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API tokens: created with a secret shown once, stored as a hash, checked on every request. */
class TokenServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String NAME_63 = "x2345678901234567890123456789012" + "3456789012345678901234567890123";

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final TokenService tokens = new TokenService(store, audit, new SecureRandom(), new MutableClock(NOW));

    @Test
    void createReturnsTheSecretOnceAndStoresOnlyItsHash() throws NoSuchAlgorithmException {
        CreatedToken created = tokens.create("ops", EnumSet.of(Scope.ISSUE, Scope.READ), List.of("example.org"));

        String secret = created.secret();
        assertThat(secret).matches("cachet_[A-Za-z0-9_-]{43}");
        ApiToken stored = store.list().get(0);
        assertThat(stored).isEqualTo(created.token());
        assertThat(stored.secretSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII))));
        assertThat(stored.toString()).doesNotContain(secret).doesNotContain(secret.substring("cachet_".length()));
        assertThat(created.toString()).isEqualTo("CreatedToken[ops]");
        assertThat(stored.scopes()).containsExactlyInAnyOrder("issue", "read");
        assertThat(stored.domains()).containsExactly("example.org");
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.revoked()).isFalse();
    }

    @Test
    void thePublicIdSaysNothingAboutTheSecret() {
        CreatedToken created = tokens.create("ops", EnumSet.of(Scope.READ), List.of());

        String secretHex = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(created.secret().substring(7)));
        assertThat(created.token().id()).matches("[0-9a-f]{16}");
        assertThat(secretHex).doesNotContain(created.token().id());
        assertThat(tokens.create("ops2", EnumSet.of(Scope.READ), List.of()).secret()).isNotEqualTo(created.secret());
    }

    @Test
    void creationIsAuditedWithoutTheSecretOrItsHash() {
        CreatedToken created = tokens.create("deploy", EnumSet.of(Scope.ISSUE), List.of("example.org", "192.0.2.1"));

        AuditEvent event = audit.recent(1).get(0);
        assertThat(event).isEqualTo(new AuditEvent(NOW, "cli", "token.created", "deploy",
                Map.of("scopes", "issue", "domains", "example.org,192.0.2.1")));
        assertThat(event.toString()).doesNotContain(created.secret()).doesNotContain(created.token().secretSha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", "deploy-bot.1_a", "A", NAME_63})
    void namesAreLettersDigitsDotsDashesAndUnderscores(String name) {
        assertThat(tokens.create(name, EnumSet.of(Scope.READ), List.of()).token().name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-ops", ".ops", "a b", "ops/1", "opé", "ops\n", NAME_63 + "4"})
    void otherNamesAreRefusedAndNothingIsStored(String name) {
        String shown = name.replace("\n", "?").length() > 80 ? name.substring(0, 80) + "..." : name.replace("\n", "?");
        assertRefused(() -> tokens.create(name, EnumSet.of(Scope.READ), List.of()), ErrorType.MALFORMED,
                "invalid token name '" + shown + "' (letters, digits, '.', '-', '_'; at most 63)");
    }

    @Test
    void aTokenNeedsAScopeAndAFreeName() {
        assertRefused(() -> tokens.create("ops", EnumSet.noneOf(Scope.class), List.of("example.org")),
                ErrorType.MALFORMED, "a token needs at least one scope");
        tokens.create("ops", EnumSet.of(Scope.READ), List.of());

        assertThatThrownBy(() -> tokens.create("ops", EnumSet.of(Scope.ISSUE), List.of()))
                .isInstanceOf(CachetException.class).hasMessage("API token 'ops' already exists");
        assertThat(store.list()).extracting(ApiToken::scopes).containsExactly(Set.of("read"));
    }

    @Test
    void domainsAreCheckedAndNormalised() {
        ApiToken token = tokens.create("ops", EnumSet.of(Scope.ISSUE), List.of(" Example.ORG ", "example.org",
                "ip:2001:DB8::1", "192.0.2.1")).token();

        assertThat(token.domains()).containsExactly("example.org", "2001:db8:0:0:0:0:0:1", "192.0.2.1");
    }

    @Test
    void wildcardsMailboxesAndBadNamesAreNoDomains() {
        assertRefused(() -> tokens.create("a", EnumSet.of(Scope.ISSUE), List.of("*.example.org")),
                ErrorType.MALFORMED, "token domains are DNS names or IP addresses: *.example.org");
        assertRefused(() -> tokens.create("b", EnumSet.of(Scope.ISSUE), List.of("email:ops@example.org")),
                ErrorType.MALFORMED, "token domains are DNS names or IP addresses: email:ops@example.org");
        assertRefused(() -> tokens.create("c", EnumSet.of(Scope.ISSUE), List.of("example.org", "exa_mple.org")),
                ErrorType.REJECTED_IDENTIFIER, null);
        assertRefused(() -> tokens.create("d", EnumSet.of(Scope.ISSUE), List.of("example.org.")),
                ErrorType.REJECTED_IDENTIFIER, null);
        assertRefused(() -> tokens.create("e", EnumSet.of(Scope.ISSUE), List.of("example.org\nforged: line")),
                ErrorType.MALFORMED, "token domain 'example.org?forged: line' holds control characters");
    }

    @Test
    void authenticateFindsTheTokenOfASecret() {
        CreatedToken created = tokens.create("ops", EnumSet.of(Scope.READ), List.of());

        assertThat(tokens.authenticate(created.secret())).isEqualTo(created.token());
        assertThat(tokens.authenticate(" " + created.secret() + "\n")).isEqualTo(created.token());
    }

    @Test
    void missingWrongAndRevokedSecretsAreUnauthorized() {
        CreatedToken created = tokens.create("ops", EnumSet.of(Scope.READ), List.of());
        String secret = created.secret();
        String wrong = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

        assertRefused(() -> tokens.authenticate(null), ErrorType.UNAUTHORIZED,
                "an API token is required (Authorization: Bearer ...)");
        assertRefused(() -> tokens.authenticate("  "), ErrorType.UNAUTHORIZED,
                "an API token is required (Authorization: Bearer ...)");
        assertRefused(() -> tokens.authenticate(wrong), ErrorType.UNAUTHORIZED, "invalid or revoked API token");
        assertRefused(() -> tokens.authenticate(created.token().secretSha256()), ErrorType.UNAUTHORIZED,
                "invalid or revoked API token");
        tokens.revoke("ops", "cli");
        assertRefused(() -> tokens.authenticate(secret), ErrorType.UNAUTHORIZED, "invalid or revoked API token");
    }

    @Test
    void revokingIsAuditedAndHappensOnce() {
        tokens.create("ops", EnumSet.of(Scope.READ), List.of());

        tokens.revoke("ops", "cli");

        assertThat(store.list().get(0).revoked()).isTrue();
        assertThat(audit.recent(1).get(0)).isEqualTo(new AuditEvent(NOW, "cli", "token.revoked", "ops",
                Map.of()));
        assertRefused(() -> tokens.revoke("ops", "cli"), ErrorType.NOT_FOUND, "no active token named 'ops'");
        assertRefused(() -> tokens.revoke("nobody", "cli"), ErrorType.NOT_FOUND, "no active token named 'nobody'");
        assertThat(audit.recent(10)).extracting(AuditEvent::action).containsExactly("token.revoked", "token.created");
    }

    @Test
    void scopesAreParsedByName() {
        assertThat(Scope.parse(" revoke ")).isEqualTo(Scope.REVOKE);
        assertThatThrownBy(() -> Scope.parse("admin\n")).isInstanceOf(CachetException.class)
                .hasMessage("unknown scope 'admin?' (known: issue, revoke, read, approve)");
    }

    @Test
    void aScopeIsRequiredByName() {
        ApiToken reader = tokens.create("reader", EnumSet.of(Scope.READ), List.of()).token();

        TokenService.requireScope(reader, Scope.READ);
        assertRefused(() -> TokenService.requireScope(reader, Scope.ISSUE), ErrorType.FORBIDDEN,
                "token 'reader' lacks the scope 'issue'");
    }

    private void assertRefused(ThrowingCallable call, ErrorType type, String message) {
        int before = store.list().size();
        assertThatThrownBy(call).isInstanceOf(CachetException.class)
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(type))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> {
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
        assertThat(store.list()).hasSize(before);
    }
}
