package dev.cachet.validation.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host names and address literals as they appear in URLs, SNI and messages. */
public final class Hosts {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hosts() {
    }

    /**
     * Tells an address literal from a name without resolving anything.
     *
     * @param host a host, an IPv6 literal with or without brackets
     * @return whether it is an IPv4 or IPv6 literal
     */
    public static boolean isIpLiteral(String host) {
        String bare = unbracket(host);
        return IPV4.matcher(bare).matches() || IPV6.matcher(bare).matches();
    }

    /**
     * Parses an address literal; never asks DNS.
     *
     * @param host an IPv4 or IPv6 literal, with or without brackets
     * @return the address
     * @throws IllegalArgumentException when the text is no address literal
     */
    public static InetAddress parseIp(String host) {
        String bare = unbracket(host);
        if (!isIpLiteral(bare)) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    /**
     * Writes a host and port, with brackets around an IPv6 literal.
     *
     * @param host a name or address literal
     * @param port the port
     * @return {@code host:port} or {@code [v6]:port}
     */
    public static String withPort(String host, int port) {
        return forUrl(host) + ":" + port;
    }

    /**
     * Writes a host for a URL or a Host header: an IPv6 literal in brackets.
     *
     * @param host a name or address literal
     * @return the host as it goes in a URL
     */
    public static String forUrl(String host) {
        String bare = unbracket(host);
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }

    /**
     * The reverse-mapping name of an address (RFC 8738 §6, RFC 1035 §3.5, RFC 3596 §2.5).
     *
     * @param address the address
     * @return {@code 4.3.2.1.in-addr.arpa} or the 32 nibbles under {@code ip6.arpa}
     */
    public static String reverseName(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        for (int i = bytes.length - 1; i >= 0; i--) {
            int b = bytes[i] & 0xff;
            if (address instanceof Inet6Address) {
                name.append(HEX[b & 0xf]).append('.').append(HEX[b >> 4]).append('.');
            } else {
                name.append(b).append('.');
            }
        }
        return name.append(address instanceof Inet6Address ? "ip6.arpa" : "in-addr.arpa").toString()
                .toLowerCase(Locale.ROOT);
    }

    private static String unbracket(String host) {
        return host.length() > 1 && host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
    }
}
