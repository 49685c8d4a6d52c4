package dev.cachet.validation.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The private-address guard: no network, only address literals. */
class TargetPolicyTest {
    private static final TargetPolicy STRICT = new TargetPolicy(false);

    private static InetAddress ip(String text) {
        return Hosts.parseIp(text);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback", "10.1.2.3, private",
        "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private", "fd12::1, private",
        "fc00::1, private", "169.254.169.254, link-local", "fe80::1, link-local", "0.0.0.0, unspecified",
        ":: , unspecified", "224.0.0.1, multicast", "ff02::1, multicast", "100.64.0.1, shared (CGNAT)",
        "100.127.255.255, shared (CGNAT)", "192.0.2.1, documentation", "2001:db8::1, documentation",
        "255.255.255.255, reserved", "::ffff:127.0.0.1, loopback", "198.18.0.1, benchmarking"})
    void specialAddressesAreNamed(String address, String kind) {
        assertThat(TargetPolicy.specialPurpose(ip(address))).contains(kind);
        assertThatThrownBy(() -> STRICT.checkAddress(ip(address), ErrorType.REJECTED_IDENTIFIER))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.REJECTED_IDENTIFIER))
                .hasMessageContaining("a " + kind + " address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.4.4", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:4700::1111",
        "2a00:1450::1"})
    void publicAddressesPass(String address) {
        assertThat(TargetPolicy.specialPurpose(ip(address))).isEmpty();
        assertThatCode(() -> STRICT.checkAddress(ip(address), ErrorType.CONNECTION)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"www.example.test, test", "example, example", "a.b.invalid, invalid", "localhost, localhost",
        "printer.local, local", "db.corp.internal, internal", "x.onion, onion", "nas.home.arpa, home.arpa",
        "WWW.EXAMPLE.TEST., test"})
    void reservedNamesAreRefused(String name, String suffix) {
        assertThat(TargetPolicy.reservedSuffix(name)).contains(suffix);
        assertThatThrownBy(() -> STRICT.checkName(name, ErrorType.CONNECTION))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                .hasMessageContaining("names under ." + suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "test.example.com", "local.example.net", "mytest", "arpa"})
    void otherNamesPass(String name) {
        assertThat(TargetPolicy.reservedSuffix(name)).isEmpty();
    }

    @Test
    void allowingPrivateTargetsAllowsEverything() {
        TargetPolicy open = new TargetPolicy(true);

        assertThatCode(() -> {
            open.checkAddress(ip("127.0.0.1"), ErrorType.CONNECTION);
            open.checkName("www.example.test", ErrorType.CONNECTION);
        }).doesNotThrowAnyException();
        assertThat(open.allowed("x", List.of(ip("127.0.0.1")))).containsExactly(ip("127.0.0.1"));
    }

    @Test
    void refusedResolvedAddressesAreDroppedAndNamedWhenNoneIsLeft() {
        assertThat(STRICT.allowed("x.example.org", List.of(ip("10.0.0.1"), ip("1.1.1.1"))))
                .containsExactly(ip("1.1.1.1"));
        assertThatThrownBy(() -> STRICT.allowed("x.example.org", List.of(ip("10.0.0.1"), ip("::1"))))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                .hasMessage("x.example.org resolves only to addresses that are not public targets: 10.0.0.1 "
                        + "(private), 0:0:0:0:0:0:0:1 (loopback)");
    }
}
