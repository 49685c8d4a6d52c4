package dev.cachet.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.server.HostPort;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

class ListenersTest {

    @Test
    void servesRoutesAndAnswersProblemsForUnknownPaths() throws Exception {
        Javalin app = Listeners.http(new HostPort("127.0.0.1", 0), 1024,
                routes -> routes.get("/hello", ctx -> ctx.result("hi"))
                        .post("/echo", ctx -> ctx.result(ctx.bodyAsBytes())));
        app.start();
        try {
            var connectors = app.jettyServer().server().getConnectors();
            int port = ((ServerConnector) connectors[0]).getLocalPort();
            assertThat(connectors).hasSize(1);
            HttpClient client = HttpClient.newHttpClient();
            var ok = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var missing = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nope")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var big = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(ok.body()).isEqualTo("hi");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
            assertThat(missing.body()).contains("\"detail\":\"no such resource: GET /nope\"");
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("urn:cachet:problem:bodyTooLarge");
        } finally {
            app.stop();
        }
    }
}
