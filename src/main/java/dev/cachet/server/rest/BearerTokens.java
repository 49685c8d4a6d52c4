package dev.cachet.server.rest;

import dev.cachet.ca.IssuanceLinks;
import dev.cachet.enrolment.TokenService;
import dev.cachet.store.ApiToken;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.UnitOfWork;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/** Authenticates {@code Authorization: Bearer} (RFC 6750) and records each token use in the audit log. */
final class BearerTokens {
    private static final String PREFIX = "bearer ";
    private final TokenService tokens;
    private final AuditLog audit;
    private final UnitOfWork units;
    private final Clock clock;

    BearerTokens(TokenService tokens, AuditLog audit, UnitOfWork units, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.units = units;
        this.clock = clock;
    }

    ApiToken authenticate(Context ctx) {
        ApiToken token = check(ctx);
        audit.record(use(ctx, token));
        return token;
    }

    /**
     * Authenticates a request that issues a certificate. The token's use is recorded in the
     * transaction of the issuance's reservation, one durable commit less per certificate, or on its
     * own when the request stops before a reservation is committed (a bad CSR, a refused name).
     *
     * @param ctx the request
     * @param issuance the work, given the token and the links that record its use
     * @return what the work returned
     */
    <T> T issuing(Context ctx, BiFunction<ApiToken, IssuanceLinks, T> issuance) {
        ApiToken token = check(ctx);
        AuditEvent use = use(ctx, token);
        AtomicBoolean recorded = new AtomicBoolean();
        IssuanceLinks links = IssuanceLinks.onReserved(serial -> {
            audit.record(use);
            units.afterCommit(() -> recorded.set(true));
        });
        try {
            T result = issuance.apply(token, links);
            recordAlone(use, recorded);
            return result;
        } catch (RuntimeException e) {
            try {
                recordAlone(use, recorded);
            } catch (RuntimeException f) {
                e.addSuppressed(f);
            }
            throw e;
        }
    }

    private void recordAlone(AuditEvent use, AtomicBoolean recorded) {
        if (!recorded.get()) {
            audit.record(use);
        }
    }

    private ApiToken check(Context ctx) {
        String header = ctx.header("Authorization");
        String secret = header != null && header.toLowerCase(Locale.ROOT).startsWith(PREFIX)
                ? header.substring(PREFIX.length()) : null;
        return tokens.authenticate(secret);
    }

    private AuditEvent use(Context ctx, ApiToken token) {
        return new AuditEvent(clock.instant(), "token:" + token.name(), "token.used", ctx.method() + " " + ctx.path(),
                Map.of("ip", ctx.ip()));
    }
}
