package dev.cachet.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator's own http-01 responder (RFC 8555 §8.3): a JDK HTTP server on 127.0.0.1 that
 * serves {@code /.well-known/acme-challenge/TOKEN} for the tokens of the orders in flight.
 */
public final class Http01Responder implements AutoCloseable {
    private static final String PREFIX = "/.well-known/acme-challenge/";
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();

    private Http01Responder(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the responder.
     *
     * @param port the port of 127.0.0.1, or 0 for any free one
     * @return the running responder
     */
    public static Http01Responder start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
                Thread thread = new Thread(runnable, "bench-http01");
                thread.setDaemon(true);
                return thread;
            });
            Http01Responder responder = new Http01Responder(server, executor);
            server.setExecutor(executor);
            server.createContext("/", responder::handle);
            server.start();
            return responder;
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, "cannot listen on 127.0.0.1:" + port + " for http-01: "
                    + e.getMessage(), e);
        }
    }

    /** @return the port it listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves a key authorization until {@link #forget}.
     *
     * @param token the challenge token
     * @param keyAuthorization the answer
     */
    public void answer(String token, String keyAuthorization) {
        answers.put(token, keyAuthorization);
    }

    /** Stops serving a token. */
    public void forget(String token) {
        answers.remove(token);
    }

    /** @return how many challenge requests were answered with a key authorization */
    public long served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String answer = path.startsWith(PREFIX) ? answers.get(path.substring(PREFIX.length())) : null;
        byte[] body = (answer == null ? "not found" : answer).getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        if (answer != null) {
            served.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
