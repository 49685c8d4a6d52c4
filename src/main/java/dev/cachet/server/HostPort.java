package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listen address such as {@code 127.0.0.1:8443} or {@code [::1]:8443}; port 0 picks a free port.
 *
 * @param host the host or address to bind
 * @param port the port, 0 to 65535
 */
public record HostPort(String host, int port) {
    private static final Pattern FORM = Pattern.compile("(\\[[^\\[\\]]+\\]|[^\\[\\]]+):(\\d{1,5})");
    private static final int MAX_PORT = 65535;

    /**
     * Parses a listen address.
     *
     * @param text such as {@code 127.0.0.1:8443}
     * @param key the configuration key, for messages
     * @return the address
     */
    public static HostPort parse(String text, String key) {
        Matcher matcher = text == null ? null : FORM.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw invalid(text, key);
        }
        boolean bracketed = matcher.group(1).startsWith("[");
        String host = bracketed ? matcher.group(1).substring(1, matcher.group(1).length() - 1) : matcher.group(1);
        int port = Integer.parseInt(matcher.group(2));
        Optional<Identifier> parsed = Identifiers.parseHost(host);
        boolean ip = parsed.isPresent() && parsed.get().type() == Identifier.Type.IP;
        // An IPv6 address needs its brackets: in 1::2:8443 the port is ambiguous.
        boolean valid = parsed.isPresent() && !parsed.get().isWildcard() && bracketed == (ip && host.contains(":"));
        if (!valid || port > MAX_PORT) {
            throw invalid(text, key);
        }
        return new HostPort(host, port);
    }

    /**
     * Picks a free port now when the port is 0, so that URLs can name the port before the listener
     * starts (ACME URLs are fixed when its routes are built).
     *
     * @return this address, or the same host with a port that was free a moment ago
     */
    public HostPort withFreePort() {
        if (port != 0) {
            return this;
        }
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return new HostPort(host, socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new CachetException(ErrorType.IO, "cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** @return the address as a URL authority, with brackets around IPv6 */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static CachetException invalid(String text, String key) {
        return new CachetException(ErrorType.MALFORMED,
                key + ": '" + text + "' is not HOST:PORT (e.g. 127.0.0.1:8443 or [::1]:8443)");
    }
}
