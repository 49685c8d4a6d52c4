package dev.cachet.validation;

import static dev.cachet.validation.Fixtures.KEY_AUTHORIZATION;
import static dev.cachet.validation.Fixtures.TOKEN;
import static dev.cachet.validation.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http-01 against a real HTTP server on 127.0.0.1, names resolved through a test DNS server. */
class Http01ValidatorTest {
    private static final String PATH = "/.well-known/acme-challenge/" + TOKEN;
    private static final String NAME = "www.example.test";

    private TestDnsServer dns;
    private TestHttpServer http;

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start().addA(NAME, "127.0.0.1").addA("other.example.test", "127.0.0.1");
        http = TestHttpServer.http();
    }

    @AfterEach
    void stop() {
        http.close();
        dns.close();
    }

    private List<ValidationRecord> validate(String identifier) {
        return authority(Fixtures.settings(dns, http.port(), 443)).validate(request(identifier, "http-01"));
    }

    private static LocalValidationAuthority authority(ValidationSettings settings) {
        return new LocalValidationAuthority(settings);
    }

    private AbstractThrowableAssert<?, ?> failure(String identifier, ErrorType type) {
        return assertThatThrownBy(() -> validate(identifier)).isInstanceOf(CachetException.class)
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(type));
    }

    @Test
    void theKeyAuthorizationIsFound() {
        http.respond(PATH, 200, KEY_AUTHORIZATION);

        List<ValidationRecord> records = validate(NAME);

        String url = "http://" + NAME + ":" + http.port() + PATH;
        assertThat(records).containsExactly(new ValidationRecord(NAME, http.port(), url, List.of("127.0.0.1"),
                "127.0.0.1"));
        assertThat(http.requests()).containsExactly(NAME + ":" + http.port() + " " + PATH);
    }

    @Test
    void whitespaceAroundTheKeyAuthorizationIsIgnored() {
        http.respond(PATH, 200, "\r\n  " + KEY_AUTHORIZATION + "\n\t ");

        assertThat(validate(NAME)).hasSize(1);
    }

    @Test
    void aMissingFileIsAnIncorrectResponse() {
        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("HTTP 404").hasMessageContaining(PATH)
                .hasMessageContaining("\"not found\"");
    }

    @Test
    void wrongContentIsAnIncorrectResponseThatShowsWhatWasReceived() {
        http.respond(PATH, 200, TOKEN + ".wrong-thumbprint\u0001" + "x".repeat(300));

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("does not match")
                .hasMessageContaining("got \"" + TOKEN + ".wrong-thumbprint\\x01xxx")
                .hasMessageContaining("...\"").hasMessageNotContaining("x".repeat(101));
    }

    @Test
    void aRedirectIsFollowedAndRecorded() {
        String target = "http://other.example.test:" + http.port() + "/elsewhere?x=1";
        http.redirect(PATH, target).respond("/elsewhere", 200, KEY_AUTHORIZATION);

        List<ValidationRecord> records = validate(NAME);

        assertThat(records).extracting(ValidationRecord::url)
                .containsExactly("http://" + NAME + ":" + http.port() + PATH, target);
        assertThat(records.get(1).hostname()).isEqualTo("other.example.test");
        assertThat(http.requests()).last().isEqualTo("other.example.test:" + http.port() + " /elsewhere");
    }

    @Test
    void aRelativeRedirectStaysOnTheHost() {
        http.redirect(PATH, "/moved/here").respond("/moved/here", 200, KEY_AUTHORIZATION);

        assertThat(validate(NAME)).extracting(ValidationRecord::url).last()
                .isEqualTo("http://" + NAME + ":" + http.port() + "/moved/here");
    }

    @Test
    void aRedirectToHttpsIsFollowedWithoutCheckingTheCertificate() throws Exception {
        KeyPair key = CertificateBuilder.ecKey();
        SSLContext context = AcmeTlsServer.context(CertificateBuilder.certificate("self-signed.invalid", key)
                .tlsServer().build(), key);
        try (TestHttpServer https = TestHttpServer.https(context)) {
            https.respond("/secure", 200, KEY_AUTHORIZATION);
            http.redirect(PATH, "https://other.example.test/secure");

            List<ValidationRecord> records = authority(Fixtures.settings(dns, http.port(), https.port()))
                    .validate(request(NAME, "http-01"));

            assertThat(records).extracting(ValidationRecord::url).last()
                    .isEqualTo("https://other.example.test:" + https.port() + "/secure");
            assertThat(https.requests()).containsExactly("other.example.test:" + https.port() + " /secure");
        }
    }

    @Test
    void aRedirectLoopIsStopped() {
        http.redirect(PATH, "/a").redirect("/a", "/b").redirect("/b", "/a");

        failure(NAME, ErrorType.CONNECTION).hasMessageContaining("redirect loop");
    }

    @Test
    void tooManyRedirectsAreStopped() {
        http.redirect(PATH, "/r1").redirect("/r1", "/r2").redirect("/r2", "/r3").redirect("/r3", "/r4")
                .respond("/r4", 200, KEY_AUTHORIZATION);

        failure(NAME, ErrorType.CONNECTION).hasMessageContaining("too many redirects (more than 3)");
        assertThat(http.requests()).hasSize(4);
    }

    @Test
    void threeRedirectsAreAllowed() {
        http.redirect(PATH, "/r1").redirect("/r1", "/r2").redirect("/r2", "/r3").respond("/r3", 200,
                KEY_AUTHORIZATION);

        assertThat(validate(NAME)).hasSize(4);
    }

    @Test
    void aRedirectToAnotherPortIsRefused() {
        http.redirect(PATH, "http://" + NAME + ":22/");

        failure(NAME, ErrorType.CONNECTION).hasMessageContaining("only ports 80 and 443")
                .hasMessageContaining("not 22");
        assertThat(http.requests()).hasSize(1);
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        http.redirect(PATH, "ftp://" + NAME + "/file");

        failure(NAME, ErrorType.CONNECTION).hasMessageContaining("only http and https");
    }

    @Test
    void aRedirectToANameThatDoesNotResolveIsADnsError() {
        http.redirect(PATH, "http://gone.example.test:" + http.port() + "/");

        failure(NAME, ErrorType.DNS).hasMessageContaining("NXDOMAIN").hasMessageContaining("gone.example.test");
    }

    @Test
    void anOversizedBodyIsRefused() {
        http.respond(PATH, 200, KEY_AUTHORIZATION + " ".repeat(Fixtures.MAX_BODY));

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("larger than 4096 bytes");
    }

    @Test
    void aRefusedConnectionIsAConnectionError() {
        int closed = Fixtures.closedPort();
        ValidationSettings settings = Fixtures.settings(dns, closed, 443);

        assertThatThrownBy(() -> authority(settings).validate(request(NAME, "http-01")))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                .hasMessageContaining("127.0.0.1:" + closed).hasMessageContaining("connection refused");
    }

    @Test
    void aNameThatDoesNotExistIsADnsError() {
        failure("missing.example.test", ErrorType.DNS).hasMessageContaining("NXDOMAIN looking up A for "
                + "missing.example.test");
    }

    @Test
    void anIpAddressIsFetchedDirectly() {
        http.respond(PATH, 200, KEY_AUTHORIZATION);

        List<ValidationRecord> records = validate("ip:127.0.0.1");

        assertThat(records.get(0).url()).isEqualTo("http://127.0.0.1:" + http.port() + PATH);
        assertThat(http.requests()).containsExactly("127.0.0.1:" + http.port() + " " + PATH);
        assertThat(dns.questions()).isEmpty();
    }

    @Test
    void ipv6IsTriedFirstThenIpv4() {
        dns.addA("dual.example.test", "::1").addA("dual.example.test", "127.0.0.1");
        http.respond(PATH, 200, KEY_AUTHORIZATION);

        ValidationRecord record = validate("dual.example.test").get(0);

        assertThat(record.addressesResolved()).containsExactly("0:0:0:0:0:0:0:1", "127.0.0.1");
        assertThat(record.addressUsed()).isEqualTo("127.0.0.1");
    }

    @Test
    void aSlowServerTimesOutWithinTheLimit() throws IOException {
        try (ScriptedServer slow = ScriptedServer.start(connection -> {
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                connection.getOutputStream().write('X');
            }
        })) {
            ValidationSettings settings = Fixtures.settings(dns, slow.port(), 443, true, Duration.ofMillis(700));
            long start = System.nanoTime();

            assertThatThrownBy(() -> authority(settings).validate(request(NAME, "http-01")))
                    .isInstanceOfSatisfying(CachetException.class,
                            e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                    .hasMessageContaining("timeout after connect");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aLoopbackTargetIsRefusedWhenPrivateTargetsAreNotAllowed() {
        dns.addA("www.example.org", "127.0.0.1");
        http.respond(PATH, 200, KEY_AUTHORIZATION);
        LocalValidationAuthority strict = authority(Fixtures.settings(dns, http.port(), 443, false, Fixtures.TIMEOUT));

        assertThatThrownBy(() -> strict.validate(request("www.example.org", "http-01")))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                .hasMessageContaining("127.0.0.1 (loopback)");
        assertThatThrownBy(() -> strict.validate(request("ip:127.0.0.1", "http-01")))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.REJECTED_IDENTIFIER))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.validate(request(NAME, "http-01")))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.REJECTED_IDENTIFIER))
                .hasMessageContaining("names under .test");
        assertThat(http.requests()).isEmpty();
    }
}
