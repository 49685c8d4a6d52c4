package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import dev.cachet.policy.NamePolicy;
import dev.cachet.policy.PublicSuffixes;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.validation.net.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the identifiers of a newOrder: {@code dns} (wildcards allowed) and {@code ip} (RFC 8738).
 * Every identifier is checked, and all refused ones are reported together as subproblems
 * (RFC 8555 §6.7.1), so that a client can fix its order in one go.
 */
public final class AcmeIdentifiers {
    private final int maxIdentifiers;
    private final boolean allowReservedAddresses;
    private final NamePolicy namePolicy;

    /**
     * Creates the checker.
     *
     * @param maxIdentifiers the most identifiers per order
     * @param allowReservedAddresses whether IP identifiers in special-purpose blocks (loopback,
     *     private...) are allowed, as for a private CA that validates private targets
     * @param namePolicy the names this CA certifies (allow and deny lists)
     */
    public AcmeIdentifiers(int maxIdentifiers, boolean allowReservedAddresses, NamePolicy namePolicy) {
        this.maxIdentifiers = maxIdentifiers;
        this.allowReservedAddresses = allowReservedAddresses;
        this.namePolicy = namePolicy;
    }

    /**
     * Checks the identifiers of an order.
     *
     * @param requested the payload's identifiers
     * @return the identifiers, without duplicates, in order
     * @throws IdentifierRefusal when one or more are refused
     */
    List<Identifier> parse(List<NewOrderRequest.IdentifierJson> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, "the order has no identifiers");
        }
        if (requested.size() > maxIdentifiers) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "at most " + maxIdentifiers
                    + " identifiers per order");
        }
        Set<Identifier> identifiers = new LinkedHashSet<>();
        List<AcmeProblem> refused = new ArrayList<>();
        for (NewOrderRequest.IdentifierJson json : requested) {
            try {
                identifiers.add(check(json));
            } catch (CachetException e) {
                refused.add(new AcmeProblem(AcmeErrors.typeName(e.type()), e.getMessage(), asSent(json), List.of()));
            }
        }
        if (!refused.isEmpty()) {
            throw IdentifierRefusal.of(refused, requested.size());
        }
        return new ArrayList<>(identifiers);
    }

    private Identifier check(NewOrderRequest.IdentifierJson json) {
        if (json == null || json.type() == null || json.value() == null) {
            throw new CachetException(ErrorType.MALFORMED, "an identifier needs a type and a value");
        }
        Identifier identifier;
        switch (json.type().toLowerCase(Locale.ROOT)) {
            case "dns":
                identifier = dns(json.value());
                break;
            case "ip":
                identifier = ip(json.value());
                break;
            default:
                throw new CachetException(ErrorType.REJECTED_IDENTIFIER,
                        "identifier type '" + json.type() + "' is not supported (dns, ip)");
        }
        Optional<String> refused = namePolicy.problem(identifier);
        if (refused.isPresent()) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, refused.get());
        }
        return identifier;
    }

    /** BR 3.2.2.6: a public suffix (or a wildcard right under one) is never a name to certify. */
    private static Identifier dns(String value) {
        Identifier identifier = Identifiers.dns(value);
        if (PublicSuffixes.isPublicSuffix(identifier.value())) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "'" + value + "' is "
                    + (identifier.isWildcard() ? "a wildcard of " : "") + "a public suffix, which no one can own");
        }
        return identifier;
    }

    /** BR 4.2.2: no certificate for a Reserved IP Address, unless private targets are allowed. */
    private Identifier ip(String value) {
        Identifier identifier = Identifiers.ip(value);
        if (!allowReservedAddresses) {
            Optional<String> kind = TargetPolicy.specialPurpose(literal(identifier.value()));
            if (kind.isPresent()) {
                throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "'" + value + "' is a " + kind.get()
                        + " address, not a public one this CA can certify");
            }
        }
        return identifier;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "not an IP address: " + address, e);
        }
    }

    /** The identifier as the client sent it, for its subproblem; null when its type is unknown. */
    private static Identifier asSent(NewOrderRequest.IdentifierJson json) {
        if (json == null || json.type() == null || json.value() == null) {
            return null;
        }
        switch (json.type().toLowerCase(Locale.ROOT)) {
            case "dns":
                return new Identifier(Identifier.Type.DNS, json.value());
            case "ip":
                return new Identifier(Identifier.Type.IP, json.value());
            default:
                return null;
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
