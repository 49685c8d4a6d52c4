package dev.cachet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void parsesEachKindOfName() {
        assertThat(Identifiers.parse("Example.ORG")).isEqualTo(new Identifier(Identifier.Type.DNS, "example.org"));
        assertThat(Identifiers.parse("dns:*.example.org").isWildcard()).isTrue();
        assertThat(Identifiers.parse("192.0.2.1")).isEqualTo(new Identifier(Identifier.Type.IP, "192.0.2.1"));
        assertThat(Identifiers.parse("ip:2001:db8::1").value()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(Identifiers.parse("email:Admin@Example.org"))
                .isEqualTo(new Identifier(Identifier.Type.EMAIL, "Admin@example.org"));
        assertThat(Identifiers.parse("localhost").value()).isEqualTo("localhost");
    }

    @Test
    void convertsInternationalisedNamesToALabels() {
        assertThat(Identifiers.parse("bücher.example").value()).isEqualTo("xn--bcher-kva.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exa mple.org", "*.*.org", "www.*.org", "*.org", "-bad.org", "bad-.org", "a..b",
        ".example.org", "example.org.", "under_score.org", "1.2.3.4.5", "ip:999.1.1.1", "ip:example.org",
        "email:no-at-sign", "email:a@*.example.org", "exa$mple.org", ""})
    void rejectsInvalidNames(String name) {
        assertThatThrownBy(() -> Identifiers.parse(name)).isInstanceOf(CachetException.class)
                .hasMessageStartingWith("invalid name '")
                .extracting(e -> ((CachetException) e).type()).isEqualTo(ErrorType.REJECTED_IDENTIFIER);
    }

    @Test
    void rejectsOverlongLabelsAndNames() {
        String label = "a".repeat(64);
        assertThatThrownBy(() -> Identifiers.parse(label + ".org")).isInstanceOf(CachetException.class);
        String name = ("a".repeat(60) + ".").repeat(5) + "org";
        assertThatThrownBy(() -> Identifiers.parse(name)).isInstanceOf(CachetException.class)
                .hasMessageContaining("1 to 253");
    }

    @Test
    void acceptsValidALabelsAndConvertsULabels() {
        assertThat(Identifiers.dns("xn--bcher-kva.example").value()).isEqualTo("xn--bcher-kva.example");
        assertThat(Identifiers.dns("XN--BCHER-KVA.example").value()).isEqualTo("xn--bcher-kva.example");
        assertThat(Identifiers.dns("mañana.example").value()).isEqualTo("xn--maana-pta.example");
        assertThat(Identifiers.dns("xn--55qx5d.xn--e1afmkfd.example").value())
                .isEqualTo("xn--55qx5d.xn--e1afmkfd.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--abc.example", "xn--a.example", "xn--ls8h.example", "xn--9999999999a.example",
        "xn--zz-zzzzzzzz.example", "www.xn--a-ecp.example"})
    void rejectsALabelsThatDoNotDecode(String name) {
        assertThatThrownBy(() -> Identifiers.dns(name)).isInstanceOf(CachetException.class)
                .hasMessageEndingWith("is not a valid IDNA A-label");
    }

    @Test
    void rejectsTheReservedHyphenFormOfNoALabel() {
        assertThatThrownBy(() -> Identifiers.dns("ab--cd.example.org")).isInstanceOf(CachetException.class)
                .hasMessageContaining("reserved form ??--");
    }

    @Test
    void parseHostAcceptsOnlyHostNames() {
        assertThat(Identifiers.parseHost("example.org")).contains(Identifier.dns("example.org"));
        assertThat(Identifiers.parseHost("Alice Smith")).isEmpty();
    }
}
