package dev.cachet.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void theRemoteAddressCountsAndForwardedForIsIgnoredUnlessTrusted() {
        ClientAddresses untrusted = new ClientAddresses(false);

        assertThat(untrusted.of("192.0.2.7", "198.51.100.1")).isEqualTo("192.0.2.7");
        assertThat(untrusted.of("0:0:0:0:0:0:0:1", null)).isEqualTo("::1");
    }

    @Test
    void behindATrustedProxyTheLastForwardedAddressIsTheClient() {
        ClientAddresses trusted = new ClientAddresses(true);

        assertThat(trusted.of("10.0.0.1", "203.0.113.9, 198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(trusted.of("10.0.0.1", "2001:DB8:0:0::1")).isEqualTo("2001:db8::1");
        assertThat(trusted.of("10.0.0.1", null)).isEqualTo("10.0.0.1");
        assertThat(trusted.of("10.0.0.1", "198.51.100.1, not-an-address")).isEqualTo("10.0.0.1");
    }
}
