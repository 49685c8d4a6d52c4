package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.validation.ValidationSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Turns {@code validation.*} into the validation authority's settings. */
final class ValidationSettingsFactory {
    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
    private static final int DNS_PORT = 53;
    /** Let's Encrypt follows at most 10 redirects for http-01. */
    private static final int MAX_REDIRECTS = 10;
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private ValidationSettingsFactory() {
    }

    static ValidationSettings from(ValidationConfig config, List<String> caaIdentities) {
        List<InetSocketAddress> resolvers = new ArrayList<>();
        for (String entry : config.resolvers()) {
            for (String part : entry.split(",")) {
                if (!part.isBlank()) {
                    HostPort address = HostPort.parse(part.trim(), "validation.resolvers");
                    resolvers.add(new InetSocketAddress(address.host(), address.port()));
                }
            }
        }
        if (resolvers.isEmpty()) {
            resolvers.addAll(systemResolvers());
        }
        try {
            return new ValidationSettings(resolvers, config.http01Port(), config.tlsAlpn01Port(),
                    config.allowPrivateTargets(), new HashSet<>(caaIdentities),
                    Duration.ofSeconds(config.timeoutSeconds()), MAX_REDIRECTS, MAX_RESPONSE_BYTES);
        } catch (IllegalArgumentException e) {
            throw new CachetException(ErrorType.MALFORMED, "validation: " + e.getMessage(), e);
        }
    }

    /** The nameservers of /etc/resolv.conf, as the machine's own resolver would ask them. */
    private static List<InetSocketAddress> systemResolvers() {
        List<InetSocketAddress> resolvers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(RESOLV_CONF)) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && "nameserver".equals(words[0])) {
                    resolvers.add(new InetSocketAddress(words[1], DNS_PORT));
                }
            }
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, "no validation.resolvers configured and "
                    + RESOLV_CONF + " is unreadable", e);
        }
        if (resolvers.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, "no validation.resolvers configured and no nameserver in "
                    + RESOLV_CONF);
        }
        return resolvers;
    }
}
