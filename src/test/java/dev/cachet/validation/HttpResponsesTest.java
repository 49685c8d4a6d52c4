package dev.cachet.validation;

import static dev.cachet.validation.Fixtures.KEY_AUTHORIZATION;
import static dev.cachet.validation.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** http-01 against raw HTTP responses: framing that works, and malformed bytes that must fail cleanly. */
class HttpResponsesTest {
    private static final String NAME = "raw.example.test";

    private TestDnsServer dns;

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start().addA(NAME, "127.0.0.1");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private List<ValidationRecord> validate(ScriptedServer.Script script) throws IOException {
        try (ScriptedServer server = ScriptedServer.start(script)) {
            return new LocalValidationAuthority(Fixtures.settings(dns, server.port(), 443))
                    .validate(request(NAME, "http-01"));
        }
    }

    static Stream<Arguments> validFramings() {
        String body = KEY_AUTHORIZATION;
        return Stream.of(
                Arguments.of("content-length", "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n"
                        + body),
                Arguments.of("read to close, HTTP/1.0", "HTTP/1.0 200 OK\r\n\r\n" + body + "\n"),
                Arguments.of("chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n"
                        + body.substring(0, 5) + "\r\n" + Integer.toHexString(body.length() - 5) + ";ext=1\r\n"
                        + body.substring(5) + "\r\n0\r\n\r\n"),
                Arguments.of("interim 100 first", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body),
                Arguments.of("bare LF line ends", "HTTP/1.1 200 OK\nContent-Length: " + body.length() + "\n\n"
                        + body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFramings")
    void theBodyIsReadWhateverTheFraming(String framing, String response) throws IOException {
        assertThat(validate(ScriptedServer.bytes(response))).hasSize(1);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("nothing at all", "", "closed in the middle"),
                Arguments.of("not HTTP", "SSH-2.0-OpenSSH_9.6\r\n\r\n", "malformed HTTP status line"),
                Arguments.of("bad status code", "HTTP/1.1 2000 OK\r\n\r\n", "malformed HTTP status line"),
                Arguments.of("header without colon", "HTTP/1.1 200 OK\r\nnonsense\r\n\r\n", "malformed HTTP header"),
                Arguments.of("endless headers", "HTTP/1.1 200 OK\r\n" + "X-Filler: aaaaaaaaaaaaaaaa\r\n".repeat(1000),
                        "longer than 16384 bytes"),
                Arguments.of("negative length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length"),
                Arguments.of("conflicting lengths", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
                        "Content-Length"),
                Arguments.of("short body", "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\nabc", "before the 500 bytes"),
                Arguments.of("bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                        "malformed chunk size"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedResponseIsAConnectionError(String what, String response, String message) {
        assertThatThrownBy(() -> validate(ScriptedServer.bytes(response)))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                .hasMessageContaining(message);
    }

    @Test
    void anOversizedChunkedBodyIsRefused() {
        String chunk = "a".repeat(1000);
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + ("3e8\r\n" + chunk + "\r\n").repeat(10) + "0\r\n\r\n";

        assertThatThrownBy(() -> validate(ScriptedServer.bytes(response)))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.INCORRECT_RESPONSE))
                .hasMessageContaining("larger than 4096 bytes");
    }

    @Test
    void aRedirectWithoutLocationIsAnIncorrectResponse() {
        assertThatThrownBy(() -> validate(ScriptedServer.bytes("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n")))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.INCORRECT_RESPONSE))
                .hasMessageContaining("HTTP 302");
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButAValidationError() throws IOException {
        Random random = new Random(8555);
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            String prefix = random.nextBoolean() ? "HTTP/1.1 200 OK\r\n" : "";
            connection.getOutputStream().write(prefix.getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().write(noise);
        })) {
            LocalValidationAuthority authority = new LocalValidationAuthority(
                    Fixtures.settings(dns, server.port(), 443));
            for (int i = 0; i < 60; i++) {
                assertThatThrownBy(() -> authority.validate(request(NAME, "http-01")))
                        .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type())
                                .isIn(ErrorType.CONNECTION, ErrorType.INCORRECT_RESPONSE));
            }
        }
    }
}
