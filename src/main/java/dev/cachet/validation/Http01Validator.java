package dev.cachet.validation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.validation.net.Connector;
import dev.cachet.validation.net.Deadline;
import dev.cachet.validation.net.Hosts;
import dev.cachet.validation.net.HttpGet;
import dev.cachet.validation.net.HttpResponse;
import dev.cachet.validation.net.Snippet;
import dev.cachet.validation.net.TrustAllTls;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * http-01 (RFC 8555 §8.3): GET {@code http://NAME/.well-known/acme-challenge/TOKEN} on the
 * http-01 port (for an IP identifier, the address itself: RFC 8738 §7), following at most
 * {@code maxRedirects} redirects; the body, stripped of surrounding whitespace, must be the key
 * authorization. Redirects follow Let's Encrypt's rules: only to {@code http} or {@code https},
 * only to port 80 or 443 or the configured http-01 and tls-alpn-01 ports (a URL without a port
 * means the configured one for its scheme, which is 80 or 443 in production), every host resolved
 * and checked again, and HTTPS certificates not checked. Connections go to the first IPv6 address,
 * then the first IPv4 address ({@link Connector}).
 */
public final class Http01Validator {
    private static final String PATH = "/.well-known/acme-challenge/";
    private static final int SNIPPET = 100;

    private final ValidationSettings settings;
    private final Connector connector;

    /**
     * Creates the validator.
     *
     * @param settings the ports, limits and timeout
     * @param connector resolves, checks and connects
     */
    public Http01Validator(ValidationSettings settings, Connector connector) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * Fetches the key authorization.
     *
     * @param request the challenge; the identifier is a DNS name (not a wildcard) or an IP address
     * @return one record per URL fetched
     * @throws CachetException of type {@code DNS}, {@code CONNECTION}, {@code TLS} or {@code INCORRECT_RESPONSE}
     */
    public List<ValidationRecord> validate(ValidationRequest request) {
        Deadline deadline = Deadline.after(settings.timeout());
        Identifier identifier = request.identifier();
        Target target = new Target("http", identifier.value(), settings.http01Port(), PATH + request.token());
        List<ValidationRecord> records = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        visited.add(target.url());
        while (true) {
            HttpResponse response = fetch(target, records, deadline);
            if (!response.isRedirect() || response.location() == null) {
                check(target, response, request.keyAuthorization());
                return records;
            }
            if (records.size() > settings.maxRedirects()) {
                throw new CachetException(ErrorType.CONNECTION, "too many redirects (more than "
                        + settings.maxRedirects() + "), the last from " + target.url());
            }
            target = redirect(target, response.location());
            if (!visited.add(target.url())) {
                throw new CachetException(ErrorType.CONNECTION, "redirect loop detected at " + target.url());
            }
        }
    }

    private HttpResponse fetch(Target target, List<ValidationRecord> records, Deadline deadline) {
        Connector.Connection connection = connector.connect(target.host, target.port, deadline);
        records.add(new ValidationRecord(target.host, target.port, target.url(), connection.resolvedText(),
                connection.usedText()));
        Socket socket = connection.socket();
        String at = target.url() + " (" + Hosts.withPort(connection.usedText(), target.port) + ")";
        try (Deadline.Guard guard = deadline.guard(socket)) {
            if (target.https()) {
                socket = TrustAllTls.handshake(socket, Hosts.isIpLiteral(target.host) ? null : target.host,
                        List.of(), deadline.remainingMillis());
            }
            return HttpGet.get(socket, target.hostHeader(), target.path, settings.maxResponseBytes());
        } catch (SSLException e) {
            throw new CachetException(deadline.expired() ? ErrorType.CONNECTION : ErrorType.TLS,
                    at + ": " + (deadline.expired() ? "timeout during the TLS handshake" : "TLS error: "
                            + e.getMessage()), e);
        } catch (IOException | IllegalArgumentException e) {
            if (deadline.expired()) {
                throw new CachetException(ErrorType.CONNECTION, at + ": timeout after connect (your server may "
                        + "be slow or overloaded)", e);
            }
            throw new CachetException(ErrorType.CONNECTION, at + ": " + e.getMessage(), e);
        } finally {
            Deadline.closeQuietly(socket);
            Deadline.closeQuietly(connection.socket());
        }
    }

    private void check(Target target, HttpResponse response, String keyAuthorization) {
        if (response.status() != 200) {
            throw new CachetException(ErrorType.INCORRECT_RESPONSE, "invalid response from " + target.url()
                    + ": HTTP " + response.status() + (response.body().length == 0 ? ""
                    : ", body " + Snippet.quoted(response.bodyText(), SNIPPET)));
        }
        if (response.bodyTooLarge()) {
            throw new CachetException(ErrorType.INCORRECT_RESPONSE, "invalid response from " + target.url()
                    + ": the body is larger than " + settings.maxResponseBytes() + " bytes, starting "
                    + Snippet.quoted(response.bodyText(), SNIPPET));
        }
        String body = response.bodyText().strip();
        if (!body.equals(keyAuthorization)) {
            throw new CachetException(ErrorType.INCORRECT_RESPONSE, "the key authorization file at "
                    + target.url() + " does not match this challenge: expected "
                    + Snippet.quoted(keyAuthorization, SNIPPET) + ", got " + Snippet.quoted(body, SNIPPET));
        }
    }

    private Target redirect(Target from, String location) {
        URI uri;
        try {
            uri = new URI(from.url()).resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalidRedirect(location, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidRedirect(location, "only http and https are followed, not '" + Snippet.of(scheme, 20) + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || host.contains("*")) {
            throw invalidRedirect(location, "no valid host");
        }
        host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host.toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        int configured = https ? settings.tlsAlpn01Port() : settings.http01Port();
        int port = uri.getPort() < 0 ? configured : uri.getPort();
        if (port != configured && port != (https ? 443 : 80)) {
            throw invalidRedirect(location, "only ports 80 and 443"
                    + (configured == (https ? 443 : 80) ? "" : " (and " + configured + " here)")
                    + " are followed, not " + port);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Target(scheme, host, port, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    private static CachetException invalidRedirect(String location, String why) {
        return new CachetException(ErrorType.CONNECTION, "invalid redirect to "
                + Snippet.quoted(location, SNIPPET) + ": " + why);
    }

    /** Where one request goes. */
    private record Target(String scheme, String host, int port, String path) {

        boolean https() {
            return scheme.equals("https");
        }

        String hostHeader() {
            return port == (https() ? 443 : 80) ? Hosts.forUrl(host) : Hosts.withPort(host, port);
        }

        String url() {
            return scheme + "://" + hostHeader() + path;
        }
    }
}
