package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;

/**
 * A listen address such as {@code 127.0.0.1:8443} or {@code [::1]:8443}; port 0 picks a free port.
 *
 * @param host the host or address to bind
 * @param port the port, 0 to 65535
 */
public record HostPort(String host, int port) {

    /**
     * Parses a listen address.
     *
     * @param text such as {@code 127.0.0.1:8443}
     * @param key the configuration key, for messages
     * @return the address
     */
    public static HostPort parse(String text, String key) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw invalid(text, key);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535 || host.isEmpty()) {
                throw invalid(text, key);
            }
            return new HostPort(host, port);
        } catch (NumberFormatException e) {
            throw invalid(text, key);
        }
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
                key + ": '" + text + "' is not HOST:PORT (e.g. 127.0.0.1:8443)");
    }
}
