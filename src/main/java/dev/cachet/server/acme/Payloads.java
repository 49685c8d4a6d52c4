package dev.cachet.server.acme;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.acme.jws.VerifiedRequest;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.util.Base64;

/** Reads JWS payloads; unknown fields are ignored, as RFC 8555 asks of servers. */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Payloads() {
    }

    static <T> T read(VerifiedRequest request, Class<T> type) {
        if (request.postAsGet()) {
            throw new CachetException(ErrorType.MALFORMED, "this request needs a JSON payload, not POST-as-GET");
        }
        try {
            T value = JSON.readValue(request.payload(), type);
            if (value == null) {
                throw new CachetException(ErrorType.MALFORMED, "the payload is null");
            }
            return value;
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, "the payload is not the JSON this resource expects", e);
        }
    }

    static JsonNode tree(VerifiedRequest request) {
        return read(request, JsonNode.class);
    }

    static byte[] base64url(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new CachetException(ErrorType.MALFORMED, "the payload has no '" + field + "' string");
        }
        try {
            return Base64.getUrlDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new CachetException(ErrorType.MALFORMED, "'" + field + "' is not base64url", e);
        }
    }

    static void requirePostAsGet(VerifiedRequest request) {
        if (!request.postAsGet()) {
            throw new CachetException(ErrorType.MALFORMED, "reads are POST-as-GET: the payload must be empty");
        }
    }
}
