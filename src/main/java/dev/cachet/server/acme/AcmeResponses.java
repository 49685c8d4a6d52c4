package dev.cachet.server.acme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.acme.AcmeErrors;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.NonceService;
import dev.cachet.acme.RejectedIdentifiers;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every ACME response carries (a fresh {@code Replay-Nonce}, the index link, no caching) and
 * problem documents with ACME error types (RFC 8555 §6.5, §6.7, §7.1).
 */
final class AcmeResponses {
    private static final Logger LOG = LoggerFactory.getLogger(AcmeResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AcmeLinks links;
    private final NonceService nonces;
    private final String termsOfService;

    AcmeResponses(AcmeLinks links, NonceService nonces, String termsOfService) {
        this.links = links;
        this.nonces = nonces;
        this.termsOfService = termsOfService;
    }

    /** Adds the headers every response has. */
    void headers(Context ctx) {
        ctx.header("Replay-Nonce", nonces.next());
        ctx.header("Cache-Control", "no-store");
        link(ctx, links.directory(), "index");
    }

    /** Adds a Link header (RFC 8288); a response may carry several. */
    static void link(Context ctx, String url, String rel) {
        ctx.res().addHeader("Link", "<" + url + ">;rel=\"" + rel + "\"");
    }

    void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the response", e);
        }
    }

    /** Writes an error as an ACME problem document. */
    void problem(CachetException e, Context ctx) {
        String type = AcmeErrors.typeName(e.type());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", AcmeErrors.PREFIX + type);
        int status = status(e.type());
        problem.put("detail", status >= 500 && e.type() != ErrorType.UNAVAILABLE ? "internal error" : e.getMessage());
        problem.put("status", status);
        if (e instanceof RejectedIdentifiers) {
            problem.put("subproblems", ((RejectedIdentifiers) e).subproblems().stream().map(AcmeJson::problem)
                    .toList());
        }
        if (e.type() == ErrorType.BAD_SIGNATURE_ALGORITHM) {
            problem.put("algorithms", List.of("RS256", "ES256", "ES384", "EdDSA"));
        }
        if (e.type() == ErrorType.USER_ACTION_REQUIRED && termsOfService != null) {
            link(ctx, termsOfService, "terms-of-service");
            problem.put("instance", termsOfService);
        }
        if (e.type() == ErrorType.RATE_LIMITED || e.type() == ErrorType.UNAVAILABLE) {
            ctx.header("Retry-After", "10");
        }
        if (status >= 500) {
            LOG.warn("ACME request {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
        }
        try {
            ctx.status(status).contentType("application/problem+json").result(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException impossible) {
            ctx.status(status).result(e.getMessage());
        }
    }

    private static int status(ErrorType type) {
        switch (type) {
            case UNAUTHORIZED:
            case FORBIDDEN:
            case ORDER_NOT_READY:
            case USER_ACTION_REQUIRED:
            case CAA:
                return 403;
            case NOT_FOUND:
                return 404;
            case ALREADY_EXISTS:
                return 409;
            case RATE_LIMITED:
                return 429;
            case UNAVAILABLE:
                return 503;
            case INTERNAL:
            case IO:
                return 500;
            default:
                return 400;
        }
    }
}
