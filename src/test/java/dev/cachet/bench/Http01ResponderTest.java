package dev.cachet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class Http01ResponderTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheKeyAuthorizationOfAKnownTokenUntilForgotten() throws Exception {
        try (Http01Responder responder = Http01Responder.start(0)) {
            responder.answer("tok", "tok.thumb");
            HttpResponse<String> known = get(responder, "/.well-known/acme-challenge/tok");
            assertThat(known.statusCode()).isEqualTo(200);
            assertThat(known.body()).isEqualTo("tok.thumb");
            assertThat(get(responder, "/.well-known/acme-challenge/other").statusCode()).isEqualTo(404);
            assertThat(get(responder, "/tok").statusCode()).isEqualTo(404);
            responder.forget("tok");
            assertThat(get(responder, "/.well-known/acme-challenge/tok").statusCode()).isEqualTo(404);
            assertThat(responder.served()).isEqualTo(1);
        }
    }

    private HttpResponse<String> get(Http01Responder responder, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + responder.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
