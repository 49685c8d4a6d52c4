package dev.cachet.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP server on 127.0.0.1 that reads an HTTP request head and then runs a script on the socket:
 * raw bytes, slow bytes, nothing at all. It serves connections one after another until closed.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final boolean readHead;

    /** What to do with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Socket connection) throws IOException, InterruptedException;
    }

    private ScriptedServer(ServerSocket socket, Script script, boolean readHead) {
        this.socket = socket;
        this.readHead = readHead;
        Thread thread = new Thread(() -> serve(script), "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedServer start(Script script) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1")), script, true);
    }

    /** Starts a server that runs its script as soon as a connection is accepted, reading nothing. */
    static ScriptedServer startWithoutReading(Script script) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1")), script, false);
    }

    /** A script that writes a whole response at once. */
    static Script bytes(String response) {
        return connection -> {
            connection.getOutputStream().write(response.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            connection.getOutputStream().flush();
        };
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve(Script script) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout(10_000);
                if (readHead) {
                    readHead(connection.getInputStream());
                }
                script.run(connection);
            } catch (IOException e) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
        }
    }
}
