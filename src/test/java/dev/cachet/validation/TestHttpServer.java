package dev.cachet.validation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/** A JDK HTTP (or HTTPS) server on 127.0.0.1 that answers paths with canned responses; 404 otherwise. */
final class TestHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TestHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static TestHttpServer http() throws IOException {
        return new TestHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16));
    }

    static TestHttpServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new TestHttpServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    TestHttpServer respond(String path, int status, String body) {
        responses.put(path, new Response(status, body, null));
        return this;
    }

    TestHttpServer redirect(String path, String location) {
        responses.put(path, new Response(302, "", location));
        return this;
    }

    /** @return each request as {@code Host path} */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(exchange.getRequestHeaders().getFirst("Host") + " " + path);
        Response response = responses.getOrDefault(path, new Response(404, "not found", null));
        if (response.location != null) {
            exchange.getResponseHeaders().add("Location", response.location);
        }
        byte[] body = response.body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private record Response(int status, String body, String location) {
    }
}
