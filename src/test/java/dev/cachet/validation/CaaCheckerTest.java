package dev.cachet.validation;

import static dev.cachet.validation.Fixtures.CACHET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CAA (RFC 8659, RFC 8657) against a test DNS server on 127.0.0.1. */
class CaaCheckerTest {
    private static final String ACCOUNT = "https://acme.cachet.test/acme/acct/42";
    private static final String NAME = "www.example.test";

    private TestDnsServer dns;
    private LocalValidationAuthority authority;

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start().addA(NAME, "192.0.2.1").addA("example.test", "192.0.2.1");
        authority = new LocalValidationAuthority(Fixtures.settings(dns, 80, 443));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private void check(String name) {
        authority.checkCaa(Fixtures.name(name), ACCOUNT, "http-01");
    }

    private void allowed(String name) {
        assertThatCode(() -> check(name)).doesNotThrowAnyException();
    }

    private AbstractThrowableAssert<?, ?> refused(String name, ErrorType type) {
        return assertThatThrownBy(() -> check(name))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

    @Test
    void noCaaAnywhereAllows() {
        allowed(NAME);
        assertThat(dns.questions()).containsExactly(NAME + " CAA", "example.test CAA", "test CAA");
    }

    @Test
    void anIssuePropertyForCachetAllows() {
        dns.addCaa(NAME, 0, "issue", CACHET);

        allowed(NAME);
        assertThat(dns.questions()).containsExactly(NAME + " CAA");
    }

    @Test
    void issuerNamesCompareWithoutCaseAndWithSpaces() {
        dns.addCaa(NAME, 0, "issue", "  CA.Cachet.TEST ; ");

        allowed(NAME);
    }

    @Test
    void anIssuePropertyForAnotherCaForbids() {
        dns.addCaa(NAME, 0, "issue", "letsencrypt.org").addCaa(NAME, 0, "iodef", "mailto:sec@example.test");

        refused(NAME, ErrorType.CAA).hasMessageContaining("CAA record for " + NAME + " prevents issuance")
                .hasMessageContaining("\"letsencrypt.org\"");
    }

    @Test
    void oneMatchingIssuePropertyAmongOthersAllows() {
        dns.addCaa(NAME, 0, "issue", "letsencrypt.org").addCaa(NAME, 0, "issue", CACHET);

        allowed(NAME);
    }

    @Test
    void anEmptyIssuerForbids() {
        dns.addCaa(NAME, 0, "issue", ";");

        refused(NAME, ErrorType.CAA);
    }

    @Test
    void onlyIodefAllows() {
        dns.addCaa(NAME, 0, "iodef", "mailto:sec@example.test");

        allowed(NAME);
    }

    @Test
    void aMalformedValueAuthorizesNoOne() {
        dns.addCaa(NAME, 0, "issue", CACHET + "; accounturi");

        refused(NAME, ErrorType.CAA);
    }

    @Test
    void theRecordOnTheParentApplies() {
        dns.addCaa("example.test", 0, "issue", "other-ca.example");

        refused(NAME, ErrorType.CAA).hasMessageContaining("CAA record for example.test prevents issuance for "
                + NAME);
    }

    @Test
    void theClosestNonEmptySetWins() {
        dns.addCaa("example.test", 0, "issue", "other-ca.example").addCaa(NAME, 0, "issue", CACHET);

        allowed(NAME);
    }

    @Test
    void aCnameIsFollowed() {
        dns.addCname(NAME, "target.hosting.test").addCaa("target.hosting.test", 0, "issue", "other-ca.example");

        refused(NAME, ErrorType.CAA).hasMessageContaining("other-ca.example");
    }

    @Test
    void issuewildAppliesToWildcardsOnly() {
        dns.addCaa("example.test", 0, "issue", CACHET).addCaa("example.test", 0, "issuewild", ";");

        allowed("example.test");
        allowed("www.example.test");
        refused("*.example.test", ErrorType.CAA).hasMessageContaining("issuewild");
    }

    @Test
    void aWildcardFallsBackToIssueWithoutIssuewild() {
        dns.addCaa("example.test", 0, "issue", "other-ca.example");

        refused("*.example.test", ErrorType.CAA).hasMessageContaining("issue");
    }

    @Test
    void issuewildForCachetAllowsAWildcardDespiteIssue() {
        dns.addCaa("example.test", 0, "issue", "other-ca.example").addCaa("example.test", 0, "issuewild", CACHET);

        allowed("*.example.test");
        refused("example.test", ErrorType.CAA);
    }

    @Test
    void aMatchingAccountUriAllows() {
        dns.addCaa(NAME, 0, "issue", CACHET + "; accounturi=" + ACCOUNT);

        allowed(NAME);
    }

    @Test
    void anotherAccountUriForbids() {
        dns.addCaa(NAME, 0, "issue", CACHET + "; accounturi=https://acme.cachet.test/acme/acct/7");

        refused(NAME, ErrorType.CAA).hasMessageContaining("restrict the account URI or validation method");
    }

    @Test
    void aMatchingValidationMethodAllows() {
        dns.addCaa(NAME, 0, "issue", CACHET + "; validationmethods=dns-01,http-01");

        allowed(NAME);
    }

    @Test
    void anotherValidationMethodForbids() {
        dns.addCaa(NAME, 0, "issue", CACHET + "; validationmethods=dns-01");

        refused(NAME, ErrorType.CAA);
    }

    @Test
    void bothParametersMustMatch() {
        dns.addCaa(NAME, 0, "issue", CACHET + "; accounturi=" + ACCOUNT + "; validationmethods=tls-alpn-01");

        refused(NAME, ErrorType.CAA);
    }

    @Test
    void aCriticalUnknownTagForbids() {
        dns.addCaa(NAME, 0, "issue", CACHET).addCaa(NAME, 128, "tbs", "unknown");

        refused(NAME, ErrorType.CAA).hasMessageContaining("critical").hasMessageContaining("\"tbs\"");
    }

    @Test
    void aNonCriticalUnknownTagIsIgnored() {
        dns.addCaa(NAME, 0, "issue", CACHET).addCaa(NAME, 0, "tbs", "unknown");

        allowed(NAME);
    }

    @Test
    void servfailIsADnsErrorNotPermission() {
        dns.servfail("example.test");

        refused(NAME, ErrorType.DNS).hasMessageContaining("SERVFAIL looking up CAA for example.test");
    }

    @Test
    void ipAddressesHaveNoCaa() {
        allowed("ip:192.0.2.1");
        assertThat(dns.questions()).isEmpty();
    }
}
