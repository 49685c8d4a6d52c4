package dev.cachet.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.policy.Identifiers;
import dev.cachet.store.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which names a token's domains cover: the domain, names below it, and IP addresses listed exactly. */
class TokenDomainsTest {
    private static final ApiToken TOKEN = new ApiToken("0011223344556677", "ops", "00", Set.of("issue"),
            List.of("example.org", "192.0.2.1", Identifiers.parse("ip:2001:db8::1").value()),
            Instant.parse("2026-11-27T10:00:00Z"), false);

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "EXAMPLE.org", "www.example.org", "a.b.c.example.org", "*.example.org",
        "*.www.example.org", "192.0.2.1", "ip:2001:DB8:0::1", "email:admin@example.org",
        "email:admin@mail.example.org"})
    void coveredNames(String name) {
        TokenService.requireNames(TOKEN, List.of(Identifiers.parse(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evilexample.org", "www.evilexample.org", "example.org.evil.net", "example.com", "org",
        "*.evilexample.org", "192.0.2.10", "192.0.2.2", "ip:2001:db8::2", "email:admin@evilexample.org"})
    void namesOutsideTheDomainsAreForbidden(String name) {
        var identifier = Identifiers.parse(name);

        assertThatThrownBy(() -> TokenService.requireNames(TOKEN, List.of(identifier)))
                .isInstanceOf(CachetException.class)
                .hasMessage("token 'ops' may not act for " + identifier
                        + " (allowed: example.org, 192.0.2.1, 2001:db8:0:0:0:0:0:1)")
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.FORBIDDEN));
    }

    @Test
    void everyNameMustBeCoveredAndTheMessageListsTheOthers() {
        var names = List.of(Identifiers.parse("www.example.org"), Identifiers.parse("evilexample.org"),
                Identifiers.parse("192.0.2.99"));

        assertThatThrownBy(() -> TokenService.requireNames(TOKEN, names))
                .hasMessage("token 'ops' may not act for dns:evilexample.org, ip:192.0.2.99"
                        + " (allowed: example.org, 192.0.2.1, 2001:db8:0:0:0:0:0:1)");
    }

    @Test
    void aWildcardNeedsTheDomainAboveIt() {
        ApiToken sub = new ApiToken("1", "sub", "00", Set.of("issue"), List.of("www.example.org"),
                Instant.parse("2026-11-27T10:00:00Z"), false);

        TokenService.requireNames(sub, List.of(Identifiers.parse("*.www.example.org")));
        assertThatThrownBy(() -> TokenService.requireNames(sub, List.of(Identifiers.parse("*.example.org"))))
                .hasMessageStartingWith("token 'sub' may not act for dns:*.example.org");
    }

    @Test
    void anIpAddressDomainCoversNoDnsNameAndATokenWithoutDomainsCoversNothing() {
        ApiToken ipOnly = new ApiToken("2", "ip", "00", Set.of("issue"), List.of("192.0.2.1"),
                Instant.parse("2026-11-27T10:00:00Z"), false);
        ApiToken none = new ApiToken("3", "reader", "00", Set.of("read"), List.of(),
                Instant.parse("2026-11-27T10:00:00Z"), false);

        assertThatThrownBy(() -> TokenService.requireNames(ipOnly, List.of(Identifiers.parse("host.192.0.2.1.nip"))))
                .isInstanceOf(CachetException.class);
        assertThatThrownBy(() -> TokenService.requireNames(none, List.of(Identifiers.parse("example.org"))))
                .hasMessage("token 'reader' may not act for dns:example.org (allowed: )");
        TokenService.requireNames(none, List.of());
    }
}
