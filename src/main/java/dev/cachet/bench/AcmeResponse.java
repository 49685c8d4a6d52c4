package dev.cachet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One answer of an ACME server.
 *
 * @param url the URL that was asked
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body
 */
public record AcmeResponse(URI url, int status, HttpHeaders headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the body as JSON */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, url + " answered " + status + " with no JSON body");
        }
    }

    /** @return the body as text */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the Location header, resolved against the request URL */
    public URI location() {
        return header("Location").map(url::resolve).orElseThrow(
                () -> new CachetException(ErrorType.MALFORMED, url + " answered " + status + " without a Location"));
    }

    /** @return the value of a header */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** @return whether the server refused the nonce (RFC 8555 §6.5) */
    public boolean isBadNonce() {
        return status == 400 && text().contains("urn:ietf:params:acme:error:badNonce");
    }

    /**
     * Requires a 2xx answer.
     *
     * @param what the step, for the error message
     * @return this response
     */
    public AcmeResponse require(String what) {
        if (status / 100 != 2) {
            String detail = text().replaceAll("\\s+", " ");
            throw new CachetException(ErrorType.UNAVAILABLE, what + ": HTTP " + status + " "
                    + detail.substring(0, Math.min(200, detail.length())));
        }
        return this;
    }

    /**
     * A URL field of the JSON body.
     *
     * @param field the field's name
     * @return the URL, resolved against the request URL
     */
    public URI link(String field) {
        JsonNode value = json().get(field);
        if (value == null || !value.isTextual()) {
            throw new CachetException(ErrorType.MALFORMED, url + " answered without \"" + field + "\"");
        }
        return url.resolve(value.asText());
    }
}
