package dev.cachet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamePolicyTest {
    private static final NamePolicy LISTS = new NamePolicy(List.of("example.org", "example.net", "192.0.2.7"),
            List.of("secret.example.org", "bad.shop.example.net"));

    @ParameterizedTest
    @ValueSource(strings = {"com", "co.uk", "*.co.uk", "com.au", "dns:*.com.au"})
    void neverCertifiesABarePublicSuffix(String name) {
        assertThat(NamePolicy.open().problem(Identifiers.parse(name))).hasValueSatisfying(
                p -> assertThat(p).endsWith("is a public suffix; a certificate names a domain under it"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "www.example.co.uk", "*.example.com", "localhost", "host.test",
        "192.0.2.1"})
    void anOpenPolicyCertifiesAnythingElse(String name) {
        assertThat(NamePolicy.open().problem(Identifiers.parse(name))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"example.org, true", "www.example.org, true", "*.www.example.org, true", "*.example.org, false",
        "a.b.example.net, true",
        "badexample.org, false", "example.com, false", "org, false", "192.0.2.7, true", "192.0.2.8, false",
        "secret.example.org, false", "www.secret.example.org, false", "*.secret.example.org, false",
        "*.shop.example.net, false", "*.example.net, true", "shop.example.net, true"})
    void allowsOnlyNamesUnderAllowedDomainsAndDenyWins(String name, boolean allowed) {
        assertThat(LISTS.problem(Identifiers.parse(name)).isEmpty()).as(name).isEqualTo(allowed);
    }

    @Test
    void checkNamesEveryRefusedName() {
        assertThatThrownBy(() -> LISTS.check(List.of(Identifiers.parse("www.example.org"),
                Identifiers.parse("example.com"), Identifiers.parse("secret.example.org"))))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type())
                        .isEqualTo(ErrorType.REJECTED_IDENTIFIER))
                .hasMessage("example.com is not under a domain this CA certifies (policy.allowDomains); "
                        + "secret.example.org is under a domain this CA does not certify (policy.denyDomains)");
    }

    @Test
    void refusesListEntriesThatAreNoDomains() {
        assertThatThrownBy(() -> new NamePolicy(List.of("exa mple.org"), List.of()))
                .hasMessageStartingWith("policy.allowDomains: 'exa mple.org' is not a domain name or IP address");
        assertThatThrownBy(() -> new NamePolicy(List.of(), List.of("*.example.org")))
                .hasMessageStartingWith("policy.denyDomains: '*.example.org'");
    }
}
