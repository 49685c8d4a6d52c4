package dev.cachet.validation.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector refuses before it connects, and connects only to what it checked. */
class ConnectorTest {
    private TestDnsServer dns;

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start().addA("private.example.org", "10.0.0.1").addA("loop.example.org", "127.0.0.1");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private Connector connector(boolean allowPrivate) {
        return new Connector(new DnsClient(List.of(dns.address())), new TargetPolicy(allowPrivate));
    }

    @Test
    void privateTargetsAreRefusedBeforeConnecting() {
        Connector strict = connector(false);
        Deadline deadline = Deadline.after(Duration.ofSeconds(5));

        for (String host : List.of("127.0.0.1", "[::1]", "private.example.org", "www.example.test", "localhost")) {
            assertThatThrownBy(() -> strict.connect(host, 80, deadline)).as(host)
                    .isInstanceOfSatisfying(CachetException.class,
                            e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION));
        }
        assertThat(dns.questions()).containsExactlyInAnyOrder("private.example.org A", "private.example.org AAAA");
    }

    @Test
    void aCheckedAddressIsConnectedTo() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Connector.Connection connection = connector(true).connect("loop.example.org", listener.getLocalPort(),
                    Deadline.after(Duration.ofSeconds(5)));
            try (var socket = connection.socket()) {
                assertThat(socket.isConnected()).isTrue();
                assertThat(connection.resolvedText()).containsExactly("127.0.0.1");
                assertThat(connection.usedText()).isEqualTo("127.0.0.1");
            }
        }
    }

    @Test
    void anInvalidLiteralIsAConnectionError() {
        assertThatThrownBy(() -> connector(true).connect(":::::", 80, Deadline.after(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                .hasMessageContaining("not a valid IP address");
    }
}
