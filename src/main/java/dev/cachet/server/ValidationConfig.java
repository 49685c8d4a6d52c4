package dev.cachet.server;

import java.util.List;

/**
 * How the validation authority reaches targets ({@code validation.*}).
 *
 * @param resolvers DNS servers as HOST:PORT; empty for the nameservers of /etc/resolv.conf
 * @param http01Port the port http-01 connects to
 * @param tlsAlpn01Port the port tls-alpn-01 connects to
 * @param allowPrivateTargets whether private and loopback targets may be validated
 * @param timeoutSeconds the limit of each network operation
 */
public record ValidationConfig(List<String> resolvers, int http01Port, int tlsAlpn01Port,
        boolean allowPrivateTargets, int timeoutSeconds) {

    /** Copies the resolvers. */
    public ValidationConfig {
        resolvers = resolvers == null ? List.of() : List.copyOf(resolvers);
    }
}
