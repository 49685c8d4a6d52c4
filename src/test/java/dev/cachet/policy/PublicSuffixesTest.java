package dev.cachet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicSuffixesTest {

    @ParameterizedTest
    @CsvSource({
        "example.org, example.org",
        "www.example.org, example.org",
        "*.a.b.example.co.uk, example.co.uk",
        "WWW.Example.COM., example.com",
        "site.test, site.test",
        "deep.site.test, site.test",
        "xn--bcher-kva.example, xn--bcher-kva.example",
    })
    void baseDomainIsTheSuffixPlusOneLabel(String name, String base) {
        assertThat(PublicSuffixes.baseDomain(name)).contains(base);
        assertThat(PublicSuffixes.isPublicSuffix(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com", "co.uk", "*.co.uk", "test", "localhost", "", "bad..name", "-x.com"})
    void suffixesAndInvalidNamesHaveNoBaseDomain(String name) {
        assertThat(PublicSuffixes.baseDomain(name)).isEmpty();
        assertThat(PublicSuffixes.isPublicSuffix(name)).isTrue();
    }
}
