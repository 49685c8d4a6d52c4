package dev.cachet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.CertificateBuilder;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostnameMatcherTest {
    /** Names as a careless CA might issue them, CN outside the subjectAltNames. */
    private static final X509Certificate CERTIFICATE = Fixtures.jdk(CertificateBuilder
            .certificate("cn-only.example", Fixtures.newKey()).subjectAltNames(
                    dns("Example.ORG"), dns("*.example.net"), dns("*.com"), dns("f*.example.io"),
                    dns("api.*.example.dev"), dns("xn--bcher-kva.example"), dns("192.0.2.9"),
                    ip("192.0.2.1"), ip("2001:db8::1"))
            .build());

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "EXAMPLE.org", "example.org.", "www.example.net", "WWW.Example.Net",
        "bücher.example", "xn--bcher-kva.example", "192.0.2.1", "2001:db8::1", "2001:0DB8:0:0::1", "[2001:db8::1]"})
    void matchesDnsNamesCaseInsensitivelyWildcardsOnOneLabelAndNormalisedAddresses(String host) {
        assertThat(HostnameMatcher.matches(CERTIFICATE, host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.net", "a.b.example.net", "foo.com", "foo.example.io",
        "api.x.example.dev", "cn-only.example", "192.0.2.2", "192.0.2.9", "2001:db8::2", "*.example.net",
        "www.example.net.evil", "", "exa mple.org", "org"})
    void rejectsOtherHostsBadWildcardsTheCnAndAddressesWrittenAsDnsNames(String host) {
        assertThat(HostnameMatcher.matches(CERTIFICATE, host)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"*.example.org,www.example.org,true", "*.example.org,example.org,false",
        "*.example.org,a.www.example.org,false", "*.org,example.org,false", "*,org,false",
        "www.*.org,www.example.org,false", "w*.example.org,www.example.org,false",
        "www.example.org.,www.example.org,true", "www..org,www..org,false"})
    void wildcardsAreWholeLeftmostLabelsOverAtLeastTwoLabels(String presented, String host, boolean matches) {
        assertThat(HostnameMatcher.matchesDnsName(presented, host)).isEqualTo(matches);
    }

    @Test
    void presentsDnsNamesAndNormalisedAddresses() {
        assertThat(HostnameMatcher.presentedNames(CERTIFICATE)).containsExactly("Example.ORG", "*.example.net",
                "*.com", "f*.example.io", "api.*.example.dev", "xn--bcher-kva.example", "192.0.2.9", "192.0.2.1",
                "2001:db8:0:0:0:0:0:1");
    }

    @Test
    void aCertificateWithoutSubjectAltNamesMatchesNothing() {
        assertThat(HostnameMatcher.matches(Fixtures.ROOT, "Test Root CA")).isFalse();
        assertThat(HostnameMatcher.presentedNames(Fixtures.ROOT)).isEmpty();
    }

    private static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    private static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }
}
