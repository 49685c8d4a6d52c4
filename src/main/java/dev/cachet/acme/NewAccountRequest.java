package dev.cachet.acme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The newAccount payload (RFC 8555 §7.3); unknown fields are ignored as the RFC asks.
 *
 * @param contact contact URLs, or null
 * @param termsOfServiceAgreed whether the client agrees to the terms
 * @param onlyReturnExisting only look the account up, never create it
 * @param externalAccountBinding the EAB JWS, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewAccountRequest(List<String> contact, boolean termsOfServiceAgreed, boolean onlyReturnExisting,
        JsonNode externalAccountBinding) {
}
