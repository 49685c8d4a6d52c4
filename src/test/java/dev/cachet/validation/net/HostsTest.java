package dev.cachet.validation.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Address literals, URL hosts and reverse names. */
class HostsTest {

    @Test
    void reverseNamesFollowRfc8738() {
        assertThat(Hosts.reverseName(Hosts.parseIp("192.0.2.5"))).isEqualTo("5.2.0.192.in-addr.arpa");
        assertThat(Hosts.reverseName(Hosts.parseIp("2001:db8::567:89ab"))).isEqualTo(
                "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    }

    @Test
    void literalsAreToldFromNamesWithoutResolving() {
        assertThat(Hosts.isIpLiteral("192.0.2.1")).isTrue();
        assertThat(Hosts.isIpLiteral("[2001:db8::1]")).isTrue();
        assertThat(Hosts.isIpLiteral("www.example.org")).isFalse();
        assertThat(Hosts.isIpLiteral("1.2.3.4.example")).isFalse();
        assertThatThrownBy(() -> Hosts.parseIp("www.example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hosts.parseIp(":::::")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipv6LiteralsAreBracketedInUrls() {
        assertThat(Hosts.forUrl("2001:db8::1")).isEqualTo("[2001:db8::1]");
        assertThat(Hosts.withPort("2001:db8::1", 80)).isEqualTo("[2001:db8::1]:80");
        assertThat(Hosts.withPort("example.org", 8080)).isEqualTo("example.org:8080");
    }

    @Test
    void snippetsAreEscapedAndTruncated() {
        assertThat(Snippet.of("a\r\nb\u0000c", 20)).isEqualTo("a\\r\\nb\\x00c");
        assertThat(Snippet.quoted("x".repeat(30), 10)).isEqualTo("\"" + "x".repeat(10) + "...\"");
        assertThat(Snippet.of("x".repeat(10), 10)).isEqualTo("x".repeat(10));
    }
}
