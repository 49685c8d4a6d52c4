package dev.cachet.enrolment;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.policy.Identifiers;
import dev.cachet.store.ApiToken;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Creates API tokens and checks presented ones. A secret has 256 random bits and is stored only
 * as its SHA-256, so a copy of the database does not hold usable tokens.
 */
public final class TokenService {
    private static final String PREFIX = "cachet_";
    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 8;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final TokenStore tokens;
    private final AuditLog audit;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param tokens the token store
     * @param audit the audit log
     * @param random randomness for secrets
     * @param clock the time source
     */
    public TokenService(TokenStore tokens, AuditLog audit, SecureRandom random, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a token.
     *
     * @param name a unique name, letters, digits, dot, dash, underscore
     * @param scopes what it may do
     * @param domains the domain suffixes (or IP addresses) it may issue and revoke for
     * @return the token and its secret
     */
    public CreatedToken create(String name, Set<Scope> scopes, List<String> domains) {
        if (!NAME.matcher(name).matches()) {
            throw new CachetException(ErrorType.MALFORMED, "invalid token name " + Quoted.of(name)
                    + " (letters, digits, '.', '-', '_'; at most 63)");
        }
        if (scopes.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, "a token needs at least one scope");
        }
        List<String> checked = List.copyOf(domains.stream().map(TokenService::domain)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(SECRET_BYTES));
        // The id is public (logs, listings): it is drawn apart from the secret and says nothing about it.
        ApiToken token = new ApiToken(HexFormat.of().formatHex(randomBytes(ID_BYTES)), name, hash(secret),
                scopes.stream().map(Scope::id).collect(Collectors.toSet()), checked, clock.instant(), false);
        tokens.create(token);
        audit.record(new AuditEvent(clock.instant(), "cli", "token.created", name,
                Map.of("scopes", String.join(",", new TreeSet<>(token.scopes())),
                        "domains", String.join(",", checked))));
        return new CreatedToken(token, secret);
    }

    /**
     * Withdraws a token at once; requests presenting its secret fail from now on.
     *
     * @param name the token's name
     * @param actor who withdraws it, for the audit log
     */
    public void revoke(String name, String actor) {
        if (!tokens.revoke(name)) {
            throw new CachetException(ErrorType.NOT_FOUND, "no active token named '" + name + "'");
        }
        audit.record(new AuditEvent(clock.instant(), actor, "token.revoked", name, Map.of()));
    }

    /**
     * Checks a presented secret.
     *
     * @param secret the bearer secret, or null when none was presented
     * @return the token it belongs to
     */
    public ApiToken authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "an API token is required (Authorization: Bearer ...)");
        }
        // The lookup is by hash, so timing reveals nothing about the secret itself.
        return tokens.findBySecretHash(hash(secret.strip()))
                .filter(t -> !t.revoked())
                .orElseThrow(() -> new CachetException(ErrorType.UNAUTHORIZED, "invalid or revoked API token"));
    }

    /**
     * Requires a scope of a token.
     *
     * @param token the token
     * @param scope the scope needed
     */
    public static void requireScope(ApiToken token, Scope scope) {
        if (!token.scopes().contains(scope.id())) {
            throw new CachetException(ErrorType.FORBIDDEN,
                    "token '" + token.name() + "' lacks the scope '" + scope.id() + "'");
        }
    }

    /**
     * Requires that a token covers every name: a DNS name equal to one of its domains or below it,
     * an IP address listed as such.
     *
     * @param token the token
     * @param names the names
     */
    public static void requireNames(ApiToken token, List<Identifier> names) {
        List<String> outside = names.stream().filter(n -> !covers(token, n)).map(Identifier::toString)
                .collect(Collectors.toList());
        if (!outside.isEmpty()) {
            throw new CachetException(ErrorType.FORBIDDEN, "token '" + token.name() + "' may not act for "
                    + String.join(", ", outside) + " (allowed: " + String.join(", ", token.domains()) + ")");
        }
    }

    private static boolean covers(ApiToken token, Identifier name) {
        String value = name.type() == Identifier.Type.EMAIL ? name.value().substring(name.value().indexOf('@') + 1)
                : name.value();
        String host = value.startsWith("*.") ? value.substring(2) : value;
        return token.domains().stream().anyMatch(d -> host.equals(d)
                || (name.type() != Identifier.Type.IP && host.endsWith("." + d)));
    }

    private static String domain(String text) {
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new CachetException(ErrorType.MALFORMED, "token domain " + Quoted.of(text)
                    + " holds control characters");
        }
        Identifier identifier = Identifiers.parse(text.trim());
        if (identifier.type() == Identifier.Type.EMAIL || identifier.isWildcard()) {
            throw new CachetException(ErrorType.MALFORMED, "token domains are DNS names or IP addresses: " + text);
        }
        return identifier.value();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hash(String secret) {
        byte[] digest = Fingerprints.sha256Bytes(secret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
