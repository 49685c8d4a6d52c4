package dev.cachet.validation;

import static dev.cachet.validation.Fixtures.KEY_AUTHORIZATION;
import static dev.cachet.validation.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.TestDnsServer;
import dev.cachet.validation.net.Deadline;
import dev.cachet.validation.net.DnsClient;
import java.io.IOException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the authority checks before any validator runs, and how it contains a validator's bugs. */
class LocalValidationAuthorityTest {
    private TestDnsServer dns;
    private LocalValidationAuthority authority;

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start();
        authority = new LocalValidationAuthority(Fixtures.settings(dns, 80, 443));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private static void fails(ThrowingCallable call, ErrorType type, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(type)).hasMessageContaining(message);
    }

    private static ValidationRequest request(String identifier, String type, String token, String keyAuthorization) {
        return new ValidationRequest(Identifiers.parse(identifier), type, token, keyAuthorization);
    }

    @Test
    void anUnknownChallengeTypeIsMalformed() {
        fails(() -> authority.validate(Fixtures.request("www.example.test", "http-02")), ErrorType.MALFORMED,
                "unsupported challenge type 'http-02'");
    }

    @Test
    void aTokenThatIsNotBase64urlIsMalformed() {
        fails(() -> authority.validate(request("www.example.test", "http-01", "../../etc/passwd",
                "../../etc/passwd.x")), ErrorType.MALFORMED, "not base64url");
    }

    @Test
    void aKeyAuthorizationForAnotherTokenIsMalformed() {
        fails(() -> authority.validate(request("www.example.test", "dns-01", TOKEN, "other.thumbprint")),
                ErrorType.MALFORMED, "does not start with the token");
    }

    @Test
    void aWildcardCanOnlyUseDns01() {
        fails(() -> authority.validate(Fixtures.request("*.example.test", "http-01")),
                ErrorType.REJECTED_IDENTIFIER, "only be validated with dns-01");
        fails(() -> authority.validate(Fixtures.request("*.example.test", "tls-alpn-01")),
                ErrorType.REJECTED_IDENTIFIER, "only be validated with dns-01");
    }

    @Test
    void anEmailAddressIsNotValidatedHere() {
        fails(() -> authority.validate(Fixtures.request("email:a@example.test", "http-01")),
                ErrorType.REJECTED_IDENTIFIER, "not email:a@example.test");
        fails(() -> authority.checkCaa(Identifiers.parse("email:a@example.test"), null, "http-01"),
                ErrorType.REJECTED_IDENTIFIER, "CAA applies to DNS names");
    }

    @Test
    void aReservedNameIsRefusedBeforeAnyLookupWhenPrivateTargetsAreNotAllowed() {
        LocalValidationAuthority strict = new LocalValidationAuthority(
                Fixtures.settings(dns, 80, 443, false, Fixtures.TIMEOUT));

        fails(() -> strict.validate(Fixtures.request("www.example.test", "dns-01")),
                ErrorType.REJECTED_IDENTIFIER, "names under .test");
        fails(() -> strict.validate(Fixtures.request("ip:10.1.2.3", "tls-alpn-01")),
                ErrorType.REJECTED_IDENTIFIER, "a private address");
        assertThat(dns.questions()).isEmpty();
    }

    @Test
    void anUnexpectedFailureOfACollaboratorBecomesAnInternalError() {
        DnsClient broken = new DnsClient(List.of(dns.address())) {
            @Override
            public List<String> txt(String name, Deadline deadline) {
                throw new IllegalStateException("bug");
            }
        };
        LocalValidationAuthority withBrokenDns = new LocalValidationAuthority(Fixtures.settings(dns, 80, 443), broken);

        fails(() -> withBrokenDns.validate(Fixtures.request("www.example.test", "dns-01")), ErrorType.INTERNAL,
                "validation failed unexpectedly");
    }

    @Test
    void anInjectedDnsClientIsUsed() {
        DnsClient fake = new DnsClient(List.of(dns.address())) {
            @Override
            public List<String> txt(String name, Deadline deadline) {
                return List.of(Dns01Validator.digest(KEY_AUTHORIZATION));
            }
        };
        Identifier name = Identifiers.parse("www.example.test");

        assertThat(new LocalValidationAuthority(Fixtures.settings(dns, 80, 443), fake)
                .validate(new ValidationRequest(name, "dns-01", TOKEN, KEY_AUTHORIZATION))).hasSize(1);
        assertThat(dns.questions()).isEmpty();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> Fixtures.settings(dns, 0, 443)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.settings(dns, 80, 443, true, java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
