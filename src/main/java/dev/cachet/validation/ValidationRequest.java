package dev.cachet.validation;

import dev.cachet.core.Identifier;
import java.util.Objects;

/**
 * One challenge to check.
 *
 * @param identifier the name whose control is proven (DNS name or IP address; for a wildcard
 *     order, the base name without {@code *.})
 * @param challengeType {@code http-01}, {@code dns-01} or {@code tls-alpn-01}
 * @param token the challenge token (RFC 8555 §8.3: base64url, at least 128 bits of entropy)
 * @param keyAuthorization {@code token || '.' || base64url(JWK thumbprint)} (RFC 8555 §8.1)
 */
public record ValidationRequest(Identifier identifier, String challengeType, String token, String keyAuthorization) {

    /** Checks the fields. */
    public ValidationRequest {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(challengeType, "challengeType");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(keyAuthorization, "keyAuthorization");
    }
}
