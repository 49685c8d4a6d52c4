package dev.cachet.acme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The newOrder payload (RFC 8555 §7.4), with the ACME profiles extension's {@code profile} and
 * RFC 9773's {@code replaces}.
 *
 * @param identifiers the identifiers
 * @param notBefore a requested notBefore, or null
 * @param notAfter a requested notAfter, or null
 * @param profile a profile name, or null for the default
 * @param replaces the ARI certificate id of the certificate this order renews, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewOrderRequest(List<IdentifierJson> identifiers, String notBefore, String notAfter, String profile,
        String replaces) {

    /**
     * An identifier object (§9.7.7).
     *
     * @param type {@code dns} or {@code ip}
     * @param value the name or address
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IdentifierJson(String type, String value) {
    }
}
