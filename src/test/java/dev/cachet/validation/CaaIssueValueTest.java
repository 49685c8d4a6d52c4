package dev.cachet.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The issue-value grammar of RFC 8659 §4.2 and the parameters of RFC 8657. */
class CaaIssueValueTest {

    @Test
    void aBareIssuerIsParsed() {
        assertThat(CaaIssueValue.parse("CA.Example.NET")).contains(new CaaIssueValue("ca.example.net", Map.of()));
    }

    @Test
    void parametersAreParsedWithSpacesAroundThem() {
        Optional<CaaIssueValue> value = CaaIssueValue.parse(
                " ca.example.net ;  AccountURI=https://ca.example.net/acct/1 ;\tvalidationmethods=dns-01,http-01 ");

        assertThat(value).contains(new CaaIssueValue("ca.example.net", Map.of("accounturi",
                "https://ca.example.net/acct/1", "validationmethods", "dns-01,http-01")));
    }

    @Test
    void aSemicolonAloneNamesNoIssuer() {
        assertThat(CaaIssueValue.parse(";")).contains(new CaaIssueValue("", Map.of()));
        assertThat(CaaIssueValue.parse("")).contains(new CaaIssueValue("", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca..example", "-ca.example", "ca.example-", "ca example", "ca.example; key",
        "ca.example; =value", "ca.example; k=v; k=w", "ca.example; k=a b", "ca.example; k_1=v", "ca.example.",
        "ca.exämple"})
    void aValueOutsideTheGrammarIsRefused(String text) {
        assertThat(CaaIssueValue.parse(text)).isEmpty();
    }

    @Test
    void accountUriMustMatchExactly() {
        CaaIssueValue value = CaaIssueValue.parse("ca.example; accounturi=https://ca.example/acct/1").orElseThrow();

        assertThat(value.allows("https://ca.example/acct/1", "http-01")).isTrue();
        assertThat(value.allows("https://ca.example/acct/10", "http-01")).isFalse();
        assertThat(value.allows(null, "http-01")).isFalse();
    }

    @Test
    void validationMethodsIsAList() {
        CaaIssueValue value = CaaIssueValue.parse("ca.example; validationmethods=dns-01,tls-alpn-01").orElseThrow();

        assertThat(value.allows(null, "dns-01")).isTrue();
        assertThat(value.allows(null, "tls-alpn-01")).isTrue();
        assertThat(value.allows(null, "http-01")).isFalse();
        assertThat(value.allows(null, null)).isFalse();
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(CaaIssueValue.parse("ca.example; policy=ev").orElseThrow().allows(null, null)).isTrue();
    }
}
