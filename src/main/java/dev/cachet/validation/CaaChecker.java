package dev.cachet.validation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.validation.net.CaaRecord;
import dev.cachet.validation.net.Deadline;
import dev.cachet.validation.net.DnsClient;
import dev.cachet.validation.net.Snippet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CAA (RFC 8659): finds the relevant RRset by climbing from the name towards the root (the root
 * itself excluded), the first non-empty RRset winning, CNAMEs followed by the {@link DnsClient};
 * then issuance is allowed when the set has no property that applies, or when one {@code issue}
 * property (for a wildcard, {@code issuewild} if the set has any, else {@code issue}) names one of
 * Cachet's CAA identities and its {@code accounturi} and {@code validationmethods} parameters
 * (RFC 8657), where present, match. A critical property with an unknown tag forbids issuance; a
 * value that does not parse authorizes no one; {@code ;} alone names no CA. A DNS failure is not
 * permission: it is a {@code DNS} error. IP addresses have no CAA.
 */
public final class CaaChecker {
    private static final Set<String> KNOWN_TAGS =
            Set.of("issue", "issuewild", "iodef", "issuemail", "contactemail", "contactphone");

    private final DnsClient dns;
    private final Set<String> identities;
    private final Duration timeout;

    /**
     * Creates the checker.
     *
     * @param dns the DNS client
     * @param identities the issuer domain names that mean Cachet
     * @param timeout the limit of one check, all its lookups together
     */
    public CaaChecker(DnsClient dns, Set<String> identities, Duration timeout) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.identities = identities.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Checks that CAA allows issuance.
     *
     * @param identifier the name as it goes in the certificate; IP addresses pass
     * @param accountUri the ACME account URL, for {@code accounturi}
     * @param validationMethod the challenge type, for {@code validationmethods}
     * @throws CachetException of type {@code CAA} when forbidden, {@code DNS} when a lookup fails
     */
    public void check(Identifier identifier, String accountUri, String validationMethod) {
        if (identifier.type() == Identifier.Type.IP) {
            return;
        }
        if (identifier.type() != Identifier.Type.DNS) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "CAA applies to DNS names, not " + identifier);
        }
        boolean wildcard = identifier.isWildcard();
        String name = wildcard ? identifier.value().substring(2) : identifier.value();
        Deadline deadline = Deadline.after(timeout);
        for (String node = name; !node.isEmpty(); node = parent(node)) {
            List<CaaRecord> records = dns.caa(node, deadline);
            if (!records.isEmpty()) {
                decide(identifier, node, records, wildcard, accountUri, validationMethod);
                return;
            }
        }
    }

    private void decide(Identifier identifier, String node, List<CaaRecord> records, boolean wildcard,
            String accountUri, String validationMethod) {
        for (CaaRecord record : records) {
            if (record.critical() && !KNOWN_TAGS.contains(record.tag().toLowerCase(Locale.ROOT))) {
                throw forbidden(identifier, node, "a critical property has the unknown tag "
                        + Snippet.quoted(record.tag(), 30));
            }
        }
        List<CaaRecord> issuewild = withTag(records, "issuewild");
        List<CaaRecord> relevant = wildcard && !issuewild.isEmpty() ? issuewild : withTag(records, "issue");
        if (relevant.isEmpty()) {
            return;
        }
        boolean named = false;
        for (CaaRecord record : relevant) {
            Optional<CaaIssueValue> value = CaaIssueValue.parse(record.value());
            if (value.isPresent() && identities.contains(value.get().issuerDomain())) {
                named = true;
                if (value.get().allows(accountUri, validationMethod)) {
                    return;
                }
            }
        }
        String tag = relevant.get(0).tag().toLowerCase(Locale.ROOT);
        throw forbidden(identifier, node, named
                ? "the " + tag + " properties for this CA restrict the account URI or validation method ("
                        + (accountUri == null ? "no account" : accountUri) + ", "
                        + (validationMethod == null ? "no method" : validationMethod) + ")"
                : "the " + tag + " properties name other CAs or none: " + values(relevant));
    }

    private static List<CaaRecord> withTag(List<CaaRecord> records, String tag) {
        return records.stream().filter(r -> r.tag().equalsIgnoreCase(tag)).toList();
    }

    private static String values(List<CaaRecord> records) {
        return records.stream().limit(4).map(r -> Snippet.quoted(r.value(), 60)).collect(Collectors.joining(", "))
                + (records.size() > 4 ? " and " + (records.size() - 4) + " more" : "");
    }

    private static String parent(String node) {
        int dot = node.indexOf('.');
        return dot < 0 ? "" : node.substring(dot + 1);
    }

    private static CachetException forbidden(Identifier identifier, String node, String why) {
        return new CachetException(ErrorType.CAA, "CAA record for " + node + " prevents issuance for "
                + identifier.value() + ": " + why);
    }
}
