package dev.cachet.validation.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dnsjava client against test DNS servers on 127.0.0.1. */
class DnsClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestDnsServer dns;
    private DnsClient client;

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start();
        client = new DnsClient(List.of(dns.address()));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private static Deadline deadline() {
        return Deadline.after(TIMEOUT);
    }

    private static AbstractThrowableAssert<?, ?> dnsError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.DNS));
    }

    @Test
    void theStringsOfOneTxtRecordAreJoined() {
        String longText = "a".repeat(255) + "b".repeat(100);
        dns.addTxt("t.example.test", longText).addTxt("t.example.test", "short");

        assertThat(client.txt("t.example.test", deadline())).containsExactlyInAnyOrder(longText, "short");
    }

    @Test
    void aTruncatedAnswerIsAskedAgainOverTcp() {
        List<String> texts = IntStream.range(0, 30).mapToObj(i -> i + "-" + "x".repeat(100)).toList();
        texts.forEach(t -> dns.addTxt("big.example.test", t));

        assertThat(client.txt("big.example.test", deadline())).containsExactlyInAnyOrderElementsOf(texts);
        assertThat(dns.tcpQueries()).isEqualTo(1);
    }

    @Test
    void aCnameIsFollowedByAskingAgainWhenTheServerDoesNotChaseIt() {
        dns.chaseCnames(false).addCname("alias.example.test", "real.example.test").addTxt("real.example.test", "v");

        assertThat(client.txt("alias.example.test", deadline())).containsExactly("v");
        assertThat(dns.questions()).containsExactly("alias.example.test TXT", "real.example.test TXT");
    }

    @Test
    void aCnameLoopIsAnError() {
        dns.chaseCnames(false).addCname("a.example.test", "b.example.test").addCname("b.example.test",
                "a.example.test");

        dnsError(() -> client.txt("a.example.test", deadline())).hasMessageContaining("CNAME chain too long");
    }

    @Test
    void aLongCnameChainIsAnError() {
        for (int i = 0; i < 12; i++) {
            dns.addCname("c" + i + ".example.test", "c" + (i + 1) + ".example.test");
        }
        dns.addTxt("c12.example.test", "end");

        dnsError(() -> client.txt("c0.example.test", deadline())).hasMessageContaining("CNAME chain too long");
    }

    @Test
    void addressesComeIpv6First() throws IOException {
        dns.addA("h.example.test", "192.0.2.1").addAaaa("h.example.test", "2001:db8::1");

        assertThat(client.addresses("h.example.test", deadline())).containsExactly(
                InetAddress.getByName("2001:db8::1"), InetAddress.getByName("192.0.2.1"));
    }

    @Test
    void aNameWithoutAddressesIsAnError() {
        dns.addTxt("noaddr.example.test", "x");

        dnsError(() -> client.addresses("noaddr.example.test", deadline()))
                .hasMessage("DNS problem: no A or AAAA records found for noaddr.example.test");
    }

    @Test
    void nxdomainServfailAndTimeoutSayWhichTheyAre() {
        dns.servfail("broken.example.test").silent("silent.example.test");

        dnsError(() -> client.txt("none.example.test", deadline())).hasMessage("DNS problem: NXDOMAIN looking up "
                + "TXT for none.example.test - check that a DNS record exists for this domain");
        dnsError(() -> client.caa("broken.example.test", deadline())).hasMessage("DNS problem: SERVFAIL looking up "
                + "CAA for broken.example.test - the domain's nameservers may be malfunctioning");
        dnsError(() -> client.txt("silent.example.test", Deadline.after(Duration.ofMillis(300))))
                .hasMessage("DNS problem: query timed out looking up TXT for silent.example.test");
    }

    @Test
    void caaOfANameThatDoesNotExistIsEmpty() {
        assertThat(client.caa("none.example.test", deadline())).isEmpty();
    }

    @Test
    void theNextResolverIsAskedWhenOneDoesNotAnswer() throws IOException {
        try (TestDnsServer mute = TestDnsServer.start().silent("h.example.test")) {
            dns.addTxt("h.example.test", "found");
            DnsClient two = new DnsClient(List.of(mute.address(), dns.address()));
            long start = System.nanoTime();

            assertThat(two.txt("h.example.test", Deadline.after(Duration.ofSeconds(1)))).containsExactly("found");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(mute.questions()).containsExactly("h.example.test TXT");
        }
    }

    @Test
    void anInvalidNameIsADnsError() {
        dnsError(() -> client.txt("a..b", deadline())).hasMessageContaining("not a valid DNS name");
        dnsError(() -> client.txt("x".repeat(64) + ".example", deadline())).hasMessageContaining("not a valid");
        dnsError(() -> client.caa("abcdefgh.".repeat(40) + "example", deadline())).hasMessageContaining("not a valid");
    }
}
