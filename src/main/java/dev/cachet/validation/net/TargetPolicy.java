package dev.cachet.validation.net;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The private-address guard: which names and addresses the validation authority may connect to.
 * Unless private targets are allowed (tests, private deployments), it refuses the special-purpose
 * address blocks of RFC 6890 that Boulder refuses (loopback, private, link-local, unspecified,
 * multicast, shared CGNAT space, documentation, benchmarking, reserved) and names under TLDs that
 * never exist in the public DNS ({@code .test}, {@code .example}, {@code .invalid},
 * {@code .localhost}: RFC 2606 and RFC 6761; {@code .local}: RFC 6762; {@code .internal};
 * {@code .onion}: RFC 7686; {@code home.arpa}: RFC 8375).
 */
public final class TargetPolicy {
    private static final List<String> RESERVED_SUFFIXES =
            List.of("test", "example", "invalid", "localhost", "local", "internal", "onion", "home.arpa");
    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8", "unspecified"), block("127.0.0.0/8", "loopback"),
            block("10.0.0.0/8", "private"), block("172.16.0.0/12", "private"), block("192.168.0.0/16", "private"),
            block("100.64.0.0/10", "shared (CGNAT)"), block("169.254.0.0/16", "link-local"),
            block("192.0.0.0/24", "IETF protocol"), block("192.0.2.0/24", "documentation"),
            block("198.51.100.0/24", "documentation"), block("203.0.113.0/24", "documentation"),
            block("192.88.99.0/24", "6to4 relay"), block("198.18.0.0/15", "benchmarking"),
            block("224.0.0.0/4", "multicast"), block("240.0.0.0/4", "reserved"),
            block("::/128", "unspecified"), block("::1/128", "loopback"), block("::/96", "IPv4-compatible"),
            block("100::/64", "discard-only"), block("2001::/23", "IETF protocol"),
            block("2001:db8::/32", "documentation"), block("2002::/16", "6to4"), block("fc00::/7", "private"),
            block("fe80::/10", "link-local"), block("ff00::/8", "multicast"));

    private final boolean allowPrivateTargets;

    /**
     * Creates the guard.
     *
     * @param allowPrivateTargets whether every address and name is allowed (tests, private CAs)
     */
    public TargetPolicy(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** @return whether every address and name is allowed */
    public boolean allowsPrivateTargets() {
        return allowPrivateTargets;
    }

    /**
     * Says why an address is special, whatever the policy.
     *
     * @param address the address
     * @return the kind of block it is in ({@code loopback}, {@code private}...), empty for a public address
     */
    public static Optional<String> specialPurpose(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (block.contains(bytes)) {
                return Optional.of(block.kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Says why a name is not publicly resolvable, whatever the policy.
     *
     * @param name a DNS name, without a trailing dot
     * @return the reserved suffix it is under, empty for a name under another TLD
     */
    public static Optional<String> reservedSuffix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (lower.equals(suffix) || lower.endsWith("." + suffix)) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks an address.
     *
     * @param address the address
     * @param type the error type if it is refused ({@code REJECTED_IDENTIFIER} for an identifier,
     *     {@code CONNECTION} for a resolved or redirect target)
     */
    public void checkAddress(InetAddress address, ErrorType type) {
        Optional<String> kind = allowPrivateTargets ? Optional.empty() : specialPurpose(address);
        if (kind.isPresent()) {
            throw new CachetException(type, "refusing to connect to " + address.getHostAddress() + ": a "
                    + kind.get() + " address is not a public target");
        }
    }

    /**
     * Checks a name.
     *
     * @param name the DNS name
     * @param type the error type if it is refused
     */
    public void checkName(String name, ErrorType type) {
        Optional<String> suffix = allowPrivateTargets ? Optional.empty() : reservedSuffix(name);
        if (suffix.isPresent()) {
            throw new CachetException(type, "refusing to validate " + name + ": names under ." + suffix.get()
                    + " do not exist in the public DNS");
        }
    }

    /**
     * Keeps the addresses that may be connected to.
     *
     * @param name the name they were resolved from, for the message
     * @param addresses the resolved addresses, not empty
     * @return the allowed addresses in their order
     * @throws CachetException of type {@code CONNECTION} when none is allowed
     */
    public List<InetAddress> allowed(String name, List<InetAddress> addresses) {
        List<InetAddress> allowed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (InetAddress address : addresses) {
            Optional<String> kind = allowPrivateTargets ? Optional.empty() : specialPurpose(address);
            if (kind.isPresent()) {
                refused.add(address.getHostAddress() + " (" + kind.get() + ")");
            } else {
                allowed.add(address);
            }
        }
        if (allowed.isEmpty()) {
            throw new CachetException(ErrorType.CONNECTION, name + " resolves only to addresses that are not "
                    + "public targets: " + String.join(", ", refused));
        }
        return allowed;
    }

    private static Block block(String cidr, String kind) {
        int slash = cidr.indexOf('/');
        try {
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad block " + cidr, e);
        }
    }

    /** An address block: the prefix bytes and the number of bits that must match. */
    private static final class Block {
        private final byte[] prefix;
        private final int bits;
        private final String kind;

        Block(byte[] prefix, int bits, String kind) {
            this.prefix = prefix;
            this.bits = bits;
            this.kind = kind;
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
