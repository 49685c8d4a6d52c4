package dev.cachet.server.rest;

import dev.cachet.enrolment.TokenService;
import dev.cachet.store.ApiToken;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/** Authenticates {@code Authorization: Bearer} (RFC 6750) and records each token use in the audit log. */
final class BearerTokens {
    private static final String PREFIX = "bearer ";
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;

    BearerTokens(TokenService tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    ApiToken authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String secret = header != null && header.toLowerCase(Locale.ROOT).startsWith(PREFIX)
                ? header.substring(PREFIX.length()) : null;
        ApiToken token = tokens.authenticate(secret);
        audit.record(new AuditEvent(clock.instant(), "token:" + token.name(), "token.used",
                ctx.method() + " " + ctx.path(), Map.of("ip", ctx.ip())));
        return token;
    }
}
