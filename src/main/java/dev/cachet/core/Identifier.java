package dev.cachet.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A name a certificate can certify: a DNS name, an IP address or an e-mail address, as it goes
 * into the subjectAltName extension (RFC 5280 §4.2.1.6).
 *
 * @param type the kind of name
 * @param value the name in canonical form (DNS names lower case, IP addresses normalised)
 */
public record Identifier(Type type, String value) {

    /** The kinds of name Cachet certifies. */
    public enum Type {
        /** A DNS name, possibly a wildcard such as {@code *.example.org}. */
        DNS("dns"),
        /** An IPv4 or IPv6 address (RFC 8738 for ACME). */
        IP("ip"),
        /** An RFC 822 mailbox. */
        EMAIL("email");

        private final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }

        /** @return the prefix used in command-line and text form, such as {@code ip} */
        public String prefix() {
            return prefix;
        }
    }

    /** Checks the fields are present. */
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Creates a DNS identifier.
     *
     * @param name the DNS name, any case
     * @return the identifier with the name in lower case
     */
    public static Identifier dns(String name) {
        return new Identifier(Type.DNS, name.toLowerCase(Locale.ROOT));
    }

    /** @return true for a DNS name whose first label is {@code *} */
    public boolean isWildcard() {
        return type == Type.DNS && value.startsWith("*.");
    }

    /** @return the text form, {@code dns:example.org}, {@code ip:192.0.2.1} */
    @Override
    public String toString() {
        return type.prefix() + ":" + value;
    }
}
