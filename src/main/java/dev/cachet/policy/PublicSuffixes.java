package dev.cachet.policy;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Optional;

/**
 * Public suffixes and base domains of DNS names, from the ICANN section of the Public Suffix
 * List. The Baseline Requirements call the registrable part of a name its "Base Domain Name"
 * (BR 1.6.1): constructed e-mail addresses (BR 3.2.2.4.4) and rate limits use it, and a bare
 * public suffix is never a name a certificate may carry (BR 3.2.2.6). A name under a top-level
 * label the list does not know (such as {@code .test}) follows the list's default rule: its last
 * label is the suffix.
 */
public final class PublicSuffixes {
    private PublicSuffixes() {
    }

    /**
     * Tells whether a name is a public suffix itself, such as {@code com}, {@code co.uk} or {@code test}.
     *
     * @param dnsName a DNS name in A-label form; a leading {@code *.} is ignored
     * @return true for a public suffix, false for a name under one
     */
    public static boolean isPublicSuffix(String dnsName) {
        return baseDomain(dnsName).isEmpty();
    }

    /**
     * The base domain of a name: the public suffix plus one label.
     *
     * @param dnsName a DNS name in A-label form; a leading {@code *.} is ignored
     * @return the base domain, or empty when the name is a public suffix (or no valid DNS name)
     */
    public static Optional<String> baseDomain(String dnsName) {
        String name = stripWildcard(dnsName.toLowerCase(Locale.ROOT));
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!InternetDomainName.isValid(name)) {
            return Optional.empty();
        }
        InternetDomainName domain = InternetDomainName.from(name);
        if (domain.hasRegistrySuffix()) {
            return domain.isRegistrySuffix()
                    ? Optional.empty()
                    : Optional.of(domain.topDomainUnderRegistrySuffix().toString());
        }
        // The list's default rule "*": an unknown top-level label is the suffix.
        int labels = domain.parts().size();
        return labels < 2
                ? Optional.empty()
                : Optional.of(String.join(".", domain.parts().subList(labels - 2, labels)));
    }

    /**
     * Tells whether a name ends in a suffix of the list's ICANN section: a name under a top-level
     * label nobody delegated (such as {@code corp}, {@code test}) or of a single label is an
     * "Internal Name" in the Baseline Requirements' words (BR 1.6.1).
     *
     * @param dnsName a DNS name in A-label form; a leading {@code *.} is ignored
     * @return true when the list knows its suffix
     */
    public static boolean hasIcannSuffix(String dnsName) {
        String name = stripWildcard(dnsName.toLowerCase(Locale.ROOT));
        return InternetDomainName.isValid(name) && InternetDomainName.from(name).hasRegistrySuffix();
    }

    private static String stripWildcard(String name) {
        return name.startsWith("*.") ? name.substring(2) : name;
    }
}
