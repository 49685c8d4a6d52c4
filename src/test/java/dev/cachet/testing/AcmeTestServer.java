package dev.cachet.testing;

import dev.cachet.store.CertificateRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RunningServer} set up for ACME tests: it resolves names through a {@link TestDnsServer},
 * validates http-01 and tls-alpn-01 on free loopback ports of the test's, and allows private targets.
 */
public final class AcmeTestServer implements AutoCloseable {
    private final TestDnsServer dns;
    private final RunningServer server;
    private final int http01Port;
    private final int tlsAlpn01Port;

    private AcmeTestServer(TestDnsServer dns, RunningServer server, int http01Port, int tlsAlpn01Port) {
        this.dns = dns;
        this.server = server;
        this.http01Port = http01Port;
        this.tlsAlpn01Port = tlsAlpn01Port;
    }

    /**
     * Starts a DNS server and a Cachet server that validates through it.
     *
     * @param data the data folder
     * @param overrides further configuration, such as {@code acme.externalAccountRequired}
     * @return the running pair
     * @throws IOException when the DNS server cannot start
     */
    public static AcmeTestServer start(Path data, Map<String, String> overrides) throws IOException {
        TestDnsServer dns = TestDnsServer.start();
        int http01 = freePort();
        int tlsAlpn01 = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("validation.resolvers", "127.0.0.1:" + dns.address().getPort());
        all.put("validation.http01Port", Integer.toString(http01));
        all.put("validation.tlsAlpn01Port", Integer.toString(tlsAlpn01));
        all.put("validation.allowPrivateTargets", "true");
        all.put("validation.timeoutSeconds", "5");
        all.putAll(overrides);
        try {
            return new AcmeTestServer(dns, RunningServer.start(data, all), http01, tlsAlpn01);
        } catch (RuntimeException e) {
            dns.close();
            throw e;
        }
    }

    /** @return a port on 127.0.0.1 that was free a moment ago */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the DNS server the Cachet server asks */
    public TestDnsServer dns() {
        return dns;
    }

    /** @return the Cachet server */
    public RunningServer server() {
        return server;
    }

    /** @return the certificates issued through ACME (not the server's own TLS certificate) */
    public List<CertificateRecord> acmeCertificates() {
        return server.certificates().stream().filter(record -> record.requester().contains("/acme/acct/")).toList();
    }

    /** @return the ACME directory URL */
    public String directoryUrl() {
        return server.server().httpsUrl() + "/acme/directory";
    }

    /** @return the port http-01 validation connects to */
    public int http01Port() {
        return http01Port;
    }

    /** @return the port tls-alpn-01 validation connects to */
    public int tlsAlpn01Port() {
        return tlsAlpn01Port;
    }

    /** Stops the Cachet server, then the DNS server. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            dns.close();
        }
    }
}
