package dev.cachet.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 POST sent in two steps, to hold a request in flight: the head with
 * {@code Expect: 100-continue}, then (once the server's handler has started reading and said
 * {@code 100 Continue}) the body.
 */
final class SlowPost implements AutoCloseable {
    private static final int MAX_HEAD = 16 * 1024;
    /** CR LF CR LF, the end of a response head. */
    private static final int BLANK_LINE = 0x0D0A0D0A;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /**
     * The final response.
     *
     * @param status the status code
     * @param body the body
     */
    record Response(int status, byte[] body) {
    }

    private SlowPost(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to 127.0.0.1 and sends the request head.
     *
     * @param port the port of a plain HTTP listener
     * @param path such as {@code /ocsp}
     * @param contentType the body's media type
     * @param length the body's length, sent later
     * @return the request in flight
     */
    static SlowPost open(int port, String path, String contentType, int length) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            SlowPost post = new SlowPost(socket);
            post.out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            post.out.flush();
            return post;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Waits for the interim response that says the handler reads the body.
     *
     * @return its head, such as {@code HTTP/1.1 100 Continue}
     */
    String awaitContinue() throws IOException {
        return head();
    }

    /**
     * Sends the body and reads the final response.
     *
     * @param body the body, of the announced length
     * @return the response
     */
    Response finish(byte[] body) throws IOException {
        out.write(body);
        out.flush();
        String head = head();
        int status = Integer.parseInt(head.substring(9, 12));
        int length = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return new Response(status, length < 0 ? in.readAllBytes() : in.readNBytes(length));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String head() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != BLANK_LINE) {
            int b = in.read();
            if (b < 0 || bytes.size() >= MAX_HEAD) {
                throw new IOException("no complete response head in: " + bytes.toString(StandardCharsets.US_ASCII));
            }
            bytes.write(b);
            lastFour = (lastFour << 8) | b;
        }
        return bytes.toString(StandardCharsets.US_ASCII).strip();
    }
}
