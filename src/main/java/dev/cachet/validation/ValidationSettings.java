package dev.cachet.validation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * @param timeout the limit of each network operation
 * @param maxRedirects how many HTTP redirects http-01 follows (Let's Encrypt: 10)
 * @param maxResponseBytes the largest http-01 response body read
 */
public record ValidationSettings(List<InetSocketAddress> resolvers, int http01Port, int tlsAlpn01Port,
        boolean allowPrivateTargets, Set<String> caaIdentities, Duration timeout, int maxRedirects,
        int maxResponseBytes) {

    /** Checks and copies the fields. */
    public ValidationSettings {
        resolvers = List.copyOf(resolvers);
        caaIdentities = Set.copyOf(caaIdentities);
        Objects.requireNonNull(timeout, "timeout");
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS resolver is needed");
        }
    }
}
