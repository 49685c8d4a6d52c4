package dev.cachet.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes errors as {@code application/problem+json} (RFC 9457), mapping each {@link ErrorType}
 * once to an HTTP status and a problem type URI.
 */
public final class Problems {
    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<ErrorType, Integer> STATUS = new EnumMap<>(ErrorType.class);

    static {
        STATUS.put(ErrorType.MALFORMED, 400);
        STATUS.put(ErrorType.BAD_CSR, 400);
        STATUS.put(ErrorType.BAD_PUBLIC_KEY, 400);
        STATUS.put(ErrorType.REJECTED_IDENTIFIER, 400);
        STATUS.put(ErrorType.POLICY, 400);
        STATUS.put(ErrorType.VERIFICATION, 400);
        STATUS.put(ErrorType.UNAUTHORIZED, 401);
        STATUS.put(ErrorType.FORBIDDEN, 403);
        STATUS.put(ErrorType.NOT_FOUND, 404);
        STATUS.put(ErrorType.ALREADY_EXISTS, 409);
        STATUS.put(ErrorType.ALREADY_REVOKED, 409);
        STATUS.put(ErrorType.UNAVAILABLE, 503);
    }

    private Problems() {
    }

    /**
     * Answers with the problem an exception describes.
     *
     * @param e the error
     * @param ctx the request
     */
    public static void write(CachetException e, Context ctx) {
        int status = STATUS.getOrDefault(e.type(), 500);
        String detail = status == 500 ? "internal error" : e.getMessage();
        if (e.type() == ErrorType.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"cachet\"");
        }
        if (e.type() == ErrorType.UNAVAILABLE) {
            ctx.header("Retry-After", "5");
        }
        write(ctx, status, typeName(e.type()), detail);
    }

    /**
     * Answers with the problem of one of Javalin's own responses (no route, body too large).
     *
     * @param e the response Javalin chose
     * @param ctx the request
     */
    public static void write(io.javalin.http.HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404:
                write(ctx, 404, "notFound", "no such resource: " + ctx.method() + " " + ctx.path());
                break;
            case 405:
                write(ctx, 405, "methodNotAllowed", ctx.method() + " is not allowed on " + ctx.path());
                break;
            case 413:
                write(ctx, 413, "bodyTooLarge", "the request body is larger than the limit");
                break;
            default:
                write(ctx, e.getStatus(), "http", e.getMessage());
        }
    }

    /**
     * Answers with a problem document.
     *
     * @param ctx the request
     * @param status the HTTP status
     * @param type the last part of the problem type URI, such as {@code malformed}
     * @param detail one line for the client
     */
    public static void write(Context ctx, int status, String type, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:cachet:problem:" + type);
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        try {
            ctx.status(status).contentType(MEDIA_TYPE).result(JSON.writeValueAsBytes(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            ctx.status(status).result(detail);
        }
    }

    private static String typeName(ErrorType type) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : type.name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static String title(int status) {
        switch (status) {
            case 400:
                return "Bad request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not found";
            case 409:
                return "Conflict";
            case 405:
                return "Method not allowed";
            case 413:
                return "Request body too large";
            case 503:
                return "Service unavailable";
            default:
                return status >= 500 ? "Internal server error" : "Error";
        }
    }
}
