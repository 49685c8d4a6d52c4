package dev.cachet.policy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which names this CA certifies, checked where names come in (REST and CLI signing, ACME new
 * orders), after their syntax ({@link Identifiers}): never a bare public suffix (BR 3.2.2.6 for
 * wildcards; a suffix names no one's domain), and, when configured, only names under an allowed
 * domain and none under a denied one. Lists match on label boundaries ({@code example.org} covers
 * {@code www.example.org}, not {@code badexample.org}); deny wins; an empty allow list allows all.
 * A wildcard {@code *.B} is denied when {@code B} is, or when a denied domain is one label below
 * {@code B} (the wildcard would cover it); it is allowed when {@code B} is.
 */
public final class NamePolicy {
    private final List<Identifier> allow;
    private final List<Identifier> deny;

    /**
     * Creates a policy.
     *
     * @param allowDomains domains (or IP addresses) whose names may be certified; empty for all
     * @param denyDomains domains (or IP addresses) whose names are never certified
     * @throws CachetException MALFORMED when an entry is no DNS name or IP address
     */
    public NamePolicy(List<String> allowDomains, List<String> denyDomains) {
        this.allow = entries("allow", allowDomains);
        this.deny = entries("deny", denyDomains);
    }

    /** @return a policy without lists: only bare public suffixes are refused */
    public static NamePolicy open() {
        return new NamePolicy(List.of(), List.of());
    }

    /**
     * Finds why a name may not be certified.
     *
     * @param name a checked identifier
     * @return one line, or empty when it may be certified
     */
    public Optional<String> problem(Identifier name) {
        if (name.type() == Identifier.Type.DNS && isBareSuffix(name.value())) {
            return Optional.of(name.value() + " is a public suffix; a certificate names a domain under it");
        }
        if (deny.stream().anyMatch(d -> denies(d, name))) {
            return Optional.of(name.value() + " is under a domain this CA does not certify (policy.denyDomains)");
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(a -> covers(a, base(name)))) {
            return Optional.of(name.value() + " is not under a domain this CA certifies (policy.allowDomains)");
        }
        return Optional.empty();
    }

    /**
     * Refuses names the policy does not allow.
     *
     * @param names the names of one request
     * @throws CachetException REJECTED_IDENTIFIER naming every refused name
     */
    public void check(List<Identifier> names) {
        List<String> problems = new ArrayList<>();
        for (Identifier name : names) {
            problem(name).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, String.join("; ", problems));
        }
    }

    /** A single unknown label (such as {@code localhost}) is an internal name, left to the profile's lint. */
    private static boolean isBareSuffix(String name) {
        return PublicSuffixes.isPublicSuffix(name) && (name.contains(".") || PublicSuffixes.hasIcannSuffix(name));
    }

    private static boolean denies(Identifier denied, Identifier name) {
        if (covers(denied, base(name))) {
            return true;
        }
        // *.B covers every name one label below B.
        return name.isWildcard() && denied.type() == Identifier.Type.DNS
                && denied.value().endsWith("." + base(name).value())
                && denied.value().indexOf('.') == denied.value().length() - base(name).value().length() - 1;
    }

    /** True when the name is the entry or under it, on a label boundary. */
    private static boolean covers(Identifier entry, Identifier name) {
        if (entry.type() != name.type()) {
            return false;
        }
        return name.value().equals(entry.value())
                || entry.type() == Identifier.Type.DNS && name.value().endsWith("." + entry.value());
    }

    private static Identifier base(Identifier name) {
        return name.isWildcard() ? Identifier.dns(name.value().substring(2)) : name;
    }

    private static List<Identifier> entries(String which, List<String> domains) {
        List<Identifier> entries = new ArrayList<>();
        for (String domain : domains) {
            try {
                Identifier entry = Identifiers.parse(domain.strip());
                if (entry.type() == Identifier.Type.EMAIL || entry.isWildcard()) {
                    throw new CachetException(ErrorType.MALFORMED, "not a domain");
                }
                entries.add(entry);
            } catch (CachetException e) {
                throw new CachetException(ErrorType.MALFORMED, "policy." + which + "Domains: '" + domain
                        + "' is not a domain name or IP address (" + e.getMessage() + ")", e);
            }
        }
        return List.copyOf(entries);
    }
}
