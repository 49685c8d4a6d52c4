package dev.cachet.validation.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 GET over a socket that is already connected to a checked address: the request
 * line, {@code Host}, {@code Connection: close}; then the status line, the headers (at most
 * {@value #MAX_HEADER_BYTES} bytes in all) and a body read by Content-Length, chunked transfer
 * coding or to the end of the stream, never more than the limit plus one byte. It follows no
 * redirect and resolves no name: its caller does both, under its own rules. Malformed responses
 * are {@link ProtocolException}s.
 */
public final class HttpGet {
    /** The most bytes of status line and headers read. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_INTERIM_RESPONSES = 5;
    private static final String USER_AGENT = "Cachet-validation/1";
    private static final Pattern STATUS_CODE = Pattern.compile("[1-9][0-9][0-9]");

    private HttpGet() {
    }

    /**
     * Sends a GET and reads the response.
     *
     * @param socket the connected socket (plain or TLS); not closed here
     * @param host the Host header value ({@code name} or {@code name:port})
     * @param target the request target: path and query, starting with {@code /}
     * @param maxBodyBytes the most body bytes kept
     * @return the response
     * @throws IOException on a network error, a timeout or a malformed response
     */
    public static HttpResponse get(Socket socket, String host, String target, int maxBodyBytes) throws IOException {
        if (!target.startsWith("/") || !printable(target) || !printable(host)) {
            throw new ProtocolException("invalid request target or host");
        }
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + USER_AGENT
                + "\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        for (int i = 0; i < MAX_INTERIM_RESPONSES; i++) {
            Head head = readHead(in);
            if (head.status >= 100 && head.status < 200) {
                continue;
            }
            if (head.status == 204 || head.status == 304 || (isRedirect(head.status) && head.location != null)) {
                return new HttpResponse(head.status, head.location, new byte[0], false);
            }
            byte[] body = head.chunked ? readChunked(in, maxBodyBytes)
                    : readBody(in, head.contentLength < 0 ? Long.MAX_VALUE : head.contentLength, maxBodyBytes + 1);
            boolean tooLarge = body.length > maxBodyBytes;
            byte[] kept = tooLarge ? java.util.Arrays.copyOf(body, maxBodyBytes) : body;
            return new HttpResponse(head.status, head.location, kept, tooLarge);
        }
        throw new ProtocolException("too many interim (1xx) responses");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Head readHead(InputStream in) throws IOException {
        int[] budget = {MAX_HEADER_BYTES};
        String statusLine = readLine(in, budget);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !STATUS_CODE.matcher(parts[1]).matches()) {
            throw new ProtocolException("malformed HTTP status line: " + Snippet.of(statusLine, 60));
        }
        Head head = new Head(Integer.parseInt(parts[1]));
        for (String line = readLine(in, budget); !line.isEmpty(); line = readLine(in, budget)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed HTTP header: " + Snippet.of(line, 60));
            }
            head.add(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return head;
    }

    private static String readLine(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new ProtocolException("the connection closed in the middle of the HTTP response head");
            }
            if (--budget[0] < 0) {
                throw new ProtocolException("the HTTP response head is longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    /** Reads up to {@code length} bytes (or to the end of the stream), keeping at most {@code keep}. */
    private static byte[] readBody(InputStream in, long length, int keep) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long left = length;
        while (left > 0 && body.size() < keep) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(left, keep - body.size())));
            if (n < 0) {
                if (length != Long.MAX_VALUE) {
                    throw new ProtocolException("the connection closed before the " + length + " bytes of the body");
                }
                break;
            }
            body.write(buffer, 0, n);
            left -= n;
        }
        return body.toByteArray();
    }

    private static byte[] readChunked(InputStream in, int maxBodyBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] budget = {MAX_HEADER_BYTES};
        while (body.size() <= maxBodyBytes) {
            String sizeLine = readLine(in, budget);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed chunk size: " + Snippet.of(sizeLine, 40));
            }
            if (size < 0) {
                throw new ProtocolException("malformed chunk size: " + Snippet.of(sizeLine, 40));
            }
            if (size == 0) {
                break;
            }
            byte[] chunk = readBody(in, size, maxBodyBytes + 1 - body.size());
            body.write(chunk, 0, chunk.length);
            if (chunk.length == size) {
                readLine(in, budget);
            }
        }
        return body.toByteArray();
    }

    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The status and the headers that matter here. */
    private static final class Head {
        private final int status;
        private String location;
        private long contentLength = -1;
        private boolean chunked;

        Head(int status) {
            this.status = status;
        }

        void add(String name, String value) throws ProtocolException {
            switch (name) {
                case "location" -> location = value;
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "content-length" -> {
                    long length;
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        length = -2;
                    }
                    if (length < 0 || (contentLength >= 0 && contentLength != length)) {
                        throw new ProtocolException("invalid Content-Length: " + Snippet.of(value, 40));
                    }
                    contentLength = length;
                }
                default -> {
                    // Other headers do not matter to a validation.
                }
            }
        }
    }
}
