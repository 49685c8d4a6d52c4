package dev.cachet.validation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the validation authority reaches the world.
 *
 * @param resolvers DNS servers to ask (address and port); never the system resolver, so that
 *     tests and private deployments control resolution
 * @param http01Port the port http-01 connects to (80 in production, RFC 8555 §8.3)
 * @param tlsAlpn01Port the port tls-alpn-01 connects to (443 in production, RFC 8737 §3)
 * @param allowPrivateTargets whether loopback, private and link-local addresses and names under
 *     private TLDs (such as {@code .test}) may be validated; off for a public CA
 * @param caaIdentities the issuer domain names that mean Cachet in CAA {@code issue} records
 * @param timeout the limit of each validation and of each CAA check: its DNS queries, connections,
 *     redirects and reads all take their time from one deadline of this length
 * @param maxRedirects how many HTTP redirects http-01 follows (Let's Encrypt: 10)
 * @param maxResponseBytes the largest http-01 response body read
 */
public record ValidationSettings(List<InetSocketAddress> resolvers, int http01Port, int tlsAlpn01Port,
        boolean allowPrivateTargets, Set<String> caaIdentities, Duration timeout, int maxRedirects,
        int maxResponseBytes) {

    /** Checks and copies the fields; CAA identities are kept in lower case. */
    public ValidationSettings {
        resolvers = List.copyOf(resolvers);
        caaIdentities = caaIdentities.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(timeout, "timeout");
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS resolver is needed");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the validation timeout must be positive");
        }
        checkPort(http01Port);
        checkPort(tlsAlpn01Port);
        if (maxRedirects < 0 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxRedirects must be at least 0 and maxResponseBytes at least 1");
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }
}
