package dev.cachet.validation.net;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves a host through the {@link DnsClient}, drops the addresses the {@link TargetPolicy}
 * refuses and connects a TCP socket to a checked address, never letting anything else resolve the
 * name again. As Boulder does, it tries the first IPv6 address, then, if that connection fails, the
 * first IPv4 address (the IPv6 attempt gets at most half of the time left when an IPv4 address is
 * there to fall back to).
 */
public class Connector {
    private final DnsClient dns;
    private final TargetPolicy policy;

    /**
     * Creates a connector.
     *
     * @param dns the resolver of names
     * @param policy the guard of addresses
     */
    public Connector(DnsClient dns, TargetPolicy policy) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the guard this connector applies */
    public TargetPolicy policy() {
        return policy;
    }

    /**
     * Resolves a host and connects to it.
     *
     * @param host a DNS name, or an IP address literal (then not resolved)
     * @param port the TCP port
     * @param deadline the time available
     * @return the connected socket with the addresses resolved and the one used
     * @throws CachetException of type {@code DNS} when the name does not resolve, {@code CONNECTION}
     *     when no allowed address accepts the connection in time
     */
    public Connection connect(String host, int port, Deadline deadline) {
        List<InetAddress> resolved;
        if (Hosts.isIpLiteral(host)) {
            InetAddress address;
            try {
                address = Hosts.parseIp(host);
            } catch (IllegalArgumentException e) {
                throw new CachetException(ErrorType.CONNECTION, "'" + host + "' is not a valid IP address", e);
            }
            policy.checkAddress(address, ErrorType.CONNECTION);
            resolved = List.of(address);
        } else {
            policy.checkName(host, ErrorType.CONNECTION);
            resolved = dns.addresses(host, deadline);
        }
        List<InetAddress> candidates = candidates(policy.allowed(host, resolved));
        CachetException failure = null;
        for (int i = 0; i < candidates.size(); i++) {
            InetAddress address = candidates.get(i);
            boolean last = i == candidates.size() - 1;
            try {
                Socket socket = open(address, port, deadline, last);
                return new Connection(socket, resolved, address);
            } catch (CachetException e) {
                failure = e;
            }
        }
        throw failure;
    }

    /** The first IPv6 address, then the first IPv4 address: at most two attempts. */
    private static List<InetAddress> candidates(List<InetAddress> allowed) {
        List<InetAddress> candidates = new ArrayList<>();
        allowed.stream().filter(a -> a instanceof Inet6Address).findFirst().ifPresent(candidates::add);
        allowed.stream().filter(a -> a instanceof Inet4Address).findFirst().ifPresent(candidates::add);
        return candidates;
    }

    private static Socket open(InetAddress address, int port, Deadline deadline, boolean last) {
        String target = Hosts.withPort(address.getHostAddress(), port);
        int millis = last ? deadline.remainingMillis() : Math.max(1, deadline.remainingMillis() / 2);
        if (millis == 0) {
            throw new CachetException(ErrorType.CONNECTION, target + ": timeout before connecting");
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), millis);
            socket.setSoTimeout(Math.max(1, deadline.remainingMillis()));
            return socket;
        } catch (SocketTimeoutException e) {
            Deadline.closeQuietly(socket);
            throw new CachetException(ErrorType.CONNECTION, target + ": timeout during connect (likely firewall "
                    + "problem)", e);
        } catch (ConnectException e) {
            Deadline.closeQuietly(socket);
            String message = e.getMessage();
            boolean refused = message == null || message.toLowerCase(java.util.Locale.ROOT).contains("refused");
            throw new CachetException(ErrorType.CONNECTION, target + (refused ? ": connection refused"
                    : ": cannot connect: " + message), e);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            Deadline.closeQuietly(socket);
            throw new CachetException(ErrorType.CONNECTION, target + ": cannot connect: " + e.getMessage(), e);
        }
    }

    /**
     * A connected socket and what led to it.
     *
     * @param socket the socket, connected; the caller closes it
     * @param resolved the addresses the host resolved to
     * @param used the address connected to
     */
    public record Connection(Socket socket, List<InetAddress> resolved, InetAddress used) {

        /** Copies the addresses. */
        public Connection {
            resolved = List.copyOf(resolved);
        }

        /** @return the resolved addresses as text */
        public List<String> resolvedText() {
            return resolved.stream().map(InetAddress::getHostAddress).toList();
        }

        /** @return the used address as text */
        public String usedText() {
            return used.getHostAddress();
        }
    }
}
