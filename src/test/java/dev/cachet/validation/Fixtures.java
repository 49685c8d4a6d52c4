package dev.cachet.validation;

import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Settings and requests shared by the validation tests. */
final class Fixtures {
    /** A token as RFC 8555 §8.3 shows one. */
    static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
    /** Its key authorization with some account's thumbprint. */
    static final String KEY_AUTHORIZATION = TOKEN + ".9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";
    /** Cachet's CAA identity in these tests. */
    static final String CACHET = "ca.cachet.test";
    /** How long a validation may take in these tests, when it is not about timeouts. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The body limit in these tests. */
    static final int MAX_BODY = 4096;

    private Fixtures() {
    }

    /**
     * Settings pointing at a test DNS server and the given ports.
     *
     * @param dns the DNS server
     * @param httpPort the http-01 port
     * @param tlsPort the tls-alpn-01 port
     * @param allowPrivate whether loopback targets are allowed
     * @param timeout the validation time limit
     * @return the settings
     */
    static ValidationSettings settings(TestDnsServer dns, int httpPort, int tlsPort, boolean allowPrivate,
            Duration timeout) {
        return new ValidationSettings(List.of(dns.address()), httpPort, tlsPort, allowPrivate, Set.of(CACHET),
                timeout, 3, MAX_BODY);
    }

    static ValidationSettings settings(TestDnsServer dns, int httpPort, int tlsPort) {
        return settings(dns, httpPort, tlsPort, true, TIMEOUT);
    }

    static ValidationRequest request(String identifier, String type) {
        return new ValidationRequest(Identifiers.parse(identifier), type, TOKEN, KEY_AUTHORIZATION);
    }

    static Identifier name(String identifier) {
        return Identifiers.parse(identifier);
    }

    /** @return a port on 127.0.0.1 that nothing listens on (it was free a moment ago) */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
