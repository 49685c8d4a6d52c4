package dev.cachet.probe;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The server to probe.
 *
 * @param host the host name or IP address to connect to
 * @param port the TCP port
 * @param serverName the name to send in SNI and to match the certificate against, if not the host
 */
public record ProbeTarget(String host, int port, Optional<String> serverName) {
    private static final int HTTPS_PORT = 443;

    /**
     * Reads {@code https://host[:port]} (or {@code host:port}).
     *
     * @param text the URL
     * @param serverName a name to send and check instead of the URL's host, if any
     * @return the target
     */
    public static ProbeTarget parse(String text, Optional<String> serverName) {
        String url = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw invalid(text);
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            return new ProbeTarget(host, uri.getPort() < 0 ? HTTPS_PORT : uri.getPort(), serverName);
        } catch (URISyntaxException e) {
            throw invalid(text);
        }
    }

    /** @return the name the certificate must match: the server name, else the host */
    public String checkedName() {
        return serverName.orElse(host);
    }

    /** @return the SNI name to send: none for an IP address (RFC 6066 §3 allows only host names) */
    public Optional<String> sniName() {
        String name = checkedName();
        Optional<Identifier> parsed = Identifiers.parseHost(name);
        return parsed.isPresent() && parsed.get().type() == Identifier.Type.IP ? Optional.empty() : Optional.of(name);
    }

    /** @return {@code host:port}, for messages */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static CachetException invalid(String text) {
        return new CachetException(ErrorType.MALFORMED, "'" + text + "' is not an https:// URL such as "
                + "https://example.org:8443");
    }
}
