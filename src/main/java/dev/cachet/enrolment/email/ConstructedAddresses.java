package dev.cachet.enrolment.email;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.List;
import java.util.Locale;

/**
 * The constructed e-mail addresses of BR 3.2.2.4.4: 'admin', 'administrator', 'webmaster',
 * 'hostmaster' or 'postmaster', then '@', then the Authorization Domain Name (here its base domain).
 */
public final class ConstructedAddresses {
    /** The only local parts BR 3.2.2.4.4 allows. */
    public static final List<String> PREFIXES = List.of("admin", "administrator", "webmaster", "hostmaster",
            "postmaster");
    /** The prefix used when the requester names none. */
    public static final String DEFAULT_PREFIX = "admin";

    private ConstructedAddresses() {
    }

    /**
     * Checks a configured list of prefixes.
     *
     * @param prefixes the prefixes, or null for all five
     * @return the prefixes, each one of BR 3.2.2.4.4's
     */
    static List<String> checkPrefixes(List<String> prefixes) {
        if (prefixes == null || prefixes.isEmpty()) {
            return PREFIXES;
        }
        List<String> normal = prefixes.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        normal.stream().filter(p -> !PREFIXES.contains(p)).findFirst().ifPresent(p -> {
            throw new IllegalArgumentException("'" + p + "' is not a BR 3.2.2.4.4 prefix (" + String.join(", ",
                    PREFIXES) + ")");
        });
        return normal;
    }

    /**
     * Builds the address for a base domain.
     *
     * @param prefix the requested prefix, or null for {@value #DEFAULT_PREFIX}
     * @param baseDomain the base domain
     * @param allowed the prefixes this CA allows
     * @return such as {@code admin@example.org}
     */
    static String address(String prefix, String baseDomain, List<String> allowed) {
        String local = prefix == null ? DEFAULT_PREFIX : prefix.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(local)) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "'" + prefix + "@" + baseDomain
                    + "' is not an allowed validation address: the prefix must be one of "
                    + String.join(", ", allowed) + " (BR 3.2.2.4.4)");
        }
        return local + "@" + baseDomain;
    }
}
