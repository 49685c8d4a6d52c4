package dev.cachet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An http-01 responder: a JDK HTTP server on 127.0.0.1 serving {@code /.well-known/acme-challenge/TOKEN}. */
public final class Http01Responder implements AutoCloseable {
    private static final String PREFIX = "/.well-known/acme-challenge/";
    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private Http01Responder(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the responder.
     *
     * @param port the port on 127.0.0.1
     * @return the running responder
     * @throws IOException when the port cannot be bound
     */
    public static Http01Responder start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        Http01Responder responder = new Http01Responder(server);
        server.createContext("/", responder::handle);
        server.start();
        return responder;
    }

    /**
     * Serves a key authorization.
     *
     * @param token the challenge token
     * @param content what to answer for it
     */
    public void answer(String token, String content) {
        answers.put(token, content);
    }

    /** @return the paths asked for so far */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String answer = path.startsWith(PREFIX) ? answers.get(path.substring(PREFIX.length())) : null;
        byte[] body = (answer == null ? "not found" : answer).getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
