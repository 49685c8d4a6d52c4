package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks the identifiers of a newOrder: {@code dns} (wildcards allowed) and {@code ip} (RFC 8738). */
final class AcmeIdentifiers {

    private AcmeIdentifiers() {
    }

    static List<Identifier> parse(List<NewOrderRequest.IdentifierJson> requested, int max) {
        if (requested == null || requested.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, "the order has no identifiers");
        }
        if (requested.size() > max) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "at most " + max + " identifiers per order");
        }
        Set<Identifier> identifiers = new LinkedHashSet<>();
        for (NewOrderRequest.IdentifierJson json : requested) {
            if (json == null || json.type() == null || json.value() == null) {
                throw new CachetException(ErrorType.MALFORMED, "an identifier needs a type and a value");
            }
            identifiers.add(parse(json));
        }
        return new ArrayList<>(identifiers);
    }

    private static Identifier parse(NewOrderRequest.IdentifierJson json) {
        switch (json.type().toLowerCase(Locale.ROOT)) {
            case "dns":
                return Identifiers.dns(json.value());
            case "ip":
                return Identifiers.ip(json.value());
            default:
                throw new CachetException(ErrorType.REJECTED_IDENTIFIER,
                        "identifier type '" + json.type() + "' is not supported (dns, ip)");
        }
    }

    /** The name an authorization covers: a wildcard's base name (RFC 8555 §7.1.3). */
    static Identifier base(Identifier identifier) {
        return identifier.isWildcard() ? Identifier.dns(identifier.value().substring(2)) : identifier;
    }

    /** Challenge types offered: wildcards dns-01 only (§7.1.3), IP addresses no dns-01 (RFC 8738 §7). */
    static List<String> challengeTypes(Identifier identifier) {
        if (identifier.isWildcard()) {
            return List.of("dns-01");
        }
        if (identifier.type() == Identifier.Type.IP) {
            return List.of("http-01", "tls-alpn-01");
        }
        return List.of("http-01", "dns-01", "tls-alpn-01");
    }
}
