package dev.cachet.validation;

import static dev.cachet.validation.Fixtures.KEY_AUTHORIZATION;
import static dev.cachet.validation.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** dns-01 against a test DNS server on 127.0.0.1. */
class Dns01ValidatorTest {
    private static final String NAME = "www.example.test";
    private static final String RECORD = "_acme-challenge." + NAME;
    /** base64url(SHA-256(KEY_AUTHORIZATION)), computed independently of the code under test. */
    private static final String DIGEST = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            sha256(KEY_AUTHORIZATION));

    private TestDnsServer dns;

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private List<ValidationRecord> validate(String identifier, Duration timeout) {
        return new LocalValidationAuthority(Fixtures.settings(dns, 80, 443, true, timeout))
                .validate(request(identifier, "dns-01"));
    }

    private AbstractThrowableAssert<?, ?> failure(String identifier, ErrorType type) {
        return assertThatThrownBy(() -> validate(identifier, Fixtures.TIMEOUT))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

    @Test
    void theDigestIsFound() {
        dns.addTxt(RECORD, DIGEST);

        assertThat(validate(NAME, Fixtures.TIMEOUT))
                .containsExactly(new ValidationRecord(RECORD, 0, null, List.of(), null));
        assertThat(Dns01Validator.digest(KEY_AUTHORIZATION)).isEqualTo(DIGEST);
    }

    @Test
    void oneRightRecordAmongSeveralIsEnough() {
        dns.addTxt(RECORD, "stale-value").addTxt(RECORD, DIGEST).addTxt(RECORD, "another");

        assertThat(validate(NAME, Fixtures.TIMEOUT)).hasSize(1);
    }

    @Test
    void aWildcardIsValidatedOnItsBaseName() {
        dns.addTxt(RECORD, DIGEST);

        assertThat(validate("*." + NAME, Fixtures.TIMEOUT).get(0).hostname()).isEqualTo(RECORD);
    }

    @Test
    void aRecordFoundThroughACnameCounts() {
        dns.addCname(RECORD, "delegated.acme.example.test").addTxt("delegated.acme.example.test", DIGEST);

        assertThat(validate(NAME, Fixtures.TIMEOUT)).hasSize(1);
    }

    @Test
    void noTxtRecordIsAnIncorrectResponse() {
        dns.addA(RECORD, "192.0.2.1");

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessage("no TXT record found at " + RECORD);
    }

    @Test
    void aWrongRecordIsAnIncorrectResponseThatShowsWhatWasFound() {
        dns.addTxt(RECORD, "wrong-1").addTxt(RECORD, "x".repeat(200)).addTxt(RECORD, "wrong-3")
                .addTxt(RECORD, "wrong-4");

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("incorrect TXT records")
                .hasMessageContaining("\"wrong-1\"").hasMessageContaining("x".repeat(60) + "...\"")
                .hasMessageContaining("and 1 more found at " + RECORD)
                .hasMessageContaining("expected \"" + DIGEST + "\"");
    }

    @Test
    void nxdomainIsADnsError() {
        failure(NAME, ErrorType.DNS).hasMessageContaining("NXDOMAIN looking up TXT for " + RECORD);
    }

    @Test
    void servfailIsADnsError() {
        dns.servfail(RECORD);

        failure(NAME, ErrorType.DNS).hasMessageContaining("SERVFAIL looking up TXT for " + RECORD);
    }

    @Test
    void aSilentServerTimesOutWithinTheLimit() {
        dns.silent(RECORD);
        long start = System.nanoTime();

        assertThatThrownBy(() -> validate(NAME, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DNS))
                .hasMessageContaining("query timed out looking up TXT for " + RECORD);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anIpAddressCannotUseDns01() {
        failure("ip:192.0.2.1", ErrorType.REJECTED_IDENTIFIER).hasMessageContaining("RFC 8738");
        assertThat(dns.questions()).isEmpty();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
