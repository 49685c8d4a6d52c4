package dev.cachet.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import io.javalin.http.Context;
import java.io.IOException;

/** JSON request and response bodies: strict parsing, ISO-8601 instants, no nulls in output. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /**
     * Parses a request body.
     *
     * @param ctx the request
     * @param type the body's record type
     * @param <T> the type
     * @return the parsed body
     */
    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new CachetException(ErrorType.MALFORMED, "the request body is empty (expected JSON)");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new CachetException(ErrorType.MALFORMED, "the request body is null (expected a JSON object)");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new CachetException(ErrorType.MALFORMED, "unknown field '" + e.getPropertyName() + "'", e);
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.MALFORMED, "the request body is not valid JSON for this call ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, "cannot read the request body", e);
        }
    }

    /**
     * Answers with a JSON body.
     *
     * @param ctx the request
     * @param status the HTTP status
     * @param body the body
     */
    public static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the response", e);
        }
    }
}
