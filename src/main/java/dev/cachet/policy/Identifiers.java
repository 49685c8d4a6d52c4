package dev.cachet.policy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses and checks the syntax of names: {@code example.org}, {@code dns:*.example.org},
 * {@code ip:192.0.2.1}, {@code email:admin@example.org}. DNS names follow the preferred name
 * syntax required in dNSName (RFC 5280 §4.2.1.6, RFC 1034 §3.5); internationalised names are
 * converted to A-labels (RFC 5890); a wildcard is only a whole leftmost label (BR 1.6.1).
 */
public final class Identifiers {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final int MAX_DNS_LENGTH = 253;

    private Identifiers() {
    }

    /**
     * Parses a name as typed on the command line: a bare name is a DNS name unless it is an IP
     * address; a prefix {@code dns:}, {@code ip:} or {@code email:} says the type.
     *
     * @param text the name
     * @return the checked identifier
     */
    public static Identifier parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dns:")) {
            return dns(text.substring(4));
        }
        if (lower.startsWith("ip:")) {
            return ip(text.substring(3));
        }
        if (lower.startsWith("email:")) {
            return email(text.substring(6));
        }
        if (looksLikeIp(text)) {
            return ip(text);
        }
        return dns(text);
    }

    /**
     * Parses a name if it is a valid DNS name or IP address; used for subject common names.
     *
     * @param text the name
     * @return the identifier, or empty when the text is no host name
     */
    public static Optional<Identifier> parseHost(String text) {
        try {
            return Optional.of(looksLikeIp(text) ? ip(text) : dns(text));
        } catch (CachetException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks a DNS name, converting an internationalised name to its A-label form.
     *
     * @param name the name
     * @return the identifier in lower case
     */
    public static Identifier dns(String name) {
        String ascii = toAscii(name);
        if (ascii.isEmpty() || ascii.length() > MAX_DNS_LENGTH) {
            throw rejected(name, "a DNS name has 1 to 253 characters");
        }
        String[] labels = ascii.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            checkLabel(name, labels, i);
        }
        if (labels.length > 1 && labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw rejected(name, "the last label of a DNS name cannot be all digits");
        }
        return Identifier.dns(ascii);
    }

    /**
     * Checks an IP address literal; never resolves a name.
     *
     * @param text an IPv4 or IPv6 literal
     * @return the identifier with the address in canonical form
     */
    public static Identifier ip(String text) {
        if (!looksLikeIp(text)) {
            throw rejected(text, "not an IPv4 or IPv6 address");
        }
        try {
            return new Identifier(Identifier.Type.IP, InetAddress.getByName(text).getHostAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw rejected(text, "not an IPv4 or IPv6 address");
        }
    }

    /**
     * Checks an e-mail address (RFC 5280 §4.2.1.6 rfc822Name: a mailbox, the domain a DNS name).
     *
     * @param text the address
     * @return the identifier, domain in lower case
     */
    public static Identifier email(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || !LOCAL_PART.matcher(text.substring(0, at)).matches()) {
            throw rejected(text, "not an e-mail address (local@domain)");
        }
        Identifier domain = dns(text.substring(at + 1));
        if (domain.isWildcard()) {
            throw rejected(text, "an e-mail domain cannot be a wildcard");
        }
        return new Identifier(Identifier.Type.EMAIL, text.substring(0, at) + "@" + domain.value());
    }

    private static void checkLabel(String name, String[] labels, int index) {
        String label = labels[index];
        if (label.isEmpty()) {
            throw rejected(name, "empty label (two dots, or a leading or trailing dot)");
        }
        if ("*".equals(label)) {
            if (index != 0) {
                throw rejected(name, "a wildcard may only be the whole leftmost label");
            }
            if (labels.length < 3) {
                throw rejected(name, "a wildcard needs at least two labels after it");
            }
            return;
        }
        if (!LABEL.matcher(label).matches()) {
            throw rejected(name, "label '" + label + "' is not letters, digits and inner hyphens (1 to 63)");
        }
        if (label.length() >= 4 && label.startsWith("--", 2)) {
            checkReservedLdhLabel(name, label);
        }
    }

    /**
     * RFC 5891 §4.2.3.1 and RFC 5890 §2.3.1: a label with hyphens in its third and fourth places is
     * reserved; of those only A-labels ({@code xn--}) are used, and an A-label must decode to a
     * U-label that encodes back to it (checked as far as java.net.IDN, an IDNA2003 codec, can).
     */
    private static void checkReservedLdhLabel(String name, String label) {
        if (!label.startsWith("xn--")) {
            throw rejected(name, "label '" + label + "' has the reserved form ??-- of no IDNA A-label");
        }
        String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
        boolean roundTrips;
        try {
            roundTrips = !unicode.equals(label)
                    && IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT).equals(label);
        } catch (IllegalArgumentException e) {
            roundTrips = false;
        }
        if (!roundTrips) {
            throw rejected(name, "label '" + label + "' is not a valid IDNA A-label");
        }
    }

    private static String toAscii(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        try {
            return IDN.toASCII(lower, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw rejected(name, "not a valid internationalised domain name");
        }
    }

    private static boolean looksLikeIp(String text) {
        return IPV4.matcher(text).matches() || (text.contains(":") && IPV6_CHARS.matcher(text).matches());
    }

    private static CachetException rejected(String name, String why) {
        return new CachetException(ErrorType.REJECTED_IDENTIFIER, "invalid name '" + name + "': " + why);
    }
}
