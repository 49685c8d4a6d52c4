package dev.cachet.testing;

import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * A TLS server on the loopback address for handshake tests: it serves a key and certificate chain
 * read from PEM files with the JDK's TLS stack, accepts a bounded number of connections on an
 * ephemeral port in a background thread, completes each handshake and waits for the client to
 * close. It is listening as soon as {@link #start} returns. The chain is sent exactly as the file
 * holds it, even out of order, so that clients can be tested against misconfigured servers.
 */
public final class TlsTestServer implements AutoCloseable {
    /** How long the server waits for a connection, and for a client between two messages. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SSLServerSocket socket;
    private final Thread thread;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private TlsTestServer(SSLServerSocket socket, int maxConnections) {
        this.socket = socket;
        this.thread = new Thread(() -> serve(maxConnections), "tls-test-server");
        this.thread.setDaemon(true);
    }

    /**
     * Starts a server.
     *
     * @param keyPem the private key (PEM, unencrypted)
     * @param chainPem the certificate chain (PEM), leaf first
     * @param maxConnections how many connections to accept before the server stops
     * @return the listening server
     * @throws IOException when the files cannot be read or the socket cannot be opened
     * @throws GeneralSecurityException when the key store or TLS context cannot be built
     */
    public static TlsTestServer start(Path keyPem, Path chainPem, int maxConnections)
            throws IOException, GeneralSecurityException {
        PrivateKey read = PrivateKeys.read(PemDocument.read(keyPem));
        // The JDK's TLS signs with the JDK's providers: re-create the key with them.
        String algorithm = read.getAlgorithm().startsWith("EC") ? "EC" : read.getAlgorithm();
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(read.getEncoded()));
        List<X509CertificateHolder> holders = PemDocument.read(chainPem).certificates();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        X509Certificate[] chain = new X509Certificate[holders.size()];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = converter.getCertificate(holders.get(i));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new FixedKeyManager(key, chain)}, null, null);
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, maxConnections, InetAddress.getLoopbackAddress());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        TlsTestServer server = new TlsTestServer(socket, maxConnections);
        server.thread.start();
        return server;
    }

    /** @return the port the server listens on, on 127.0.0.1 */
    public int port() {
        return socket.getLocalPort();
    }

    /** @return how many handshakes completed so far; final once {@link #close} returned */
    public int completedHandshakes() {
        return handshakes.get();
    }

    /** @return how many connections failed, in the handshake or after it */
    public int failedConnections() {
        return failures.get();
    }

    /**
     * Stops accepting connections and waits for the server thread to end, after which
     * {@link #completedHandshakes} and {@link #failedConnections} no longer change.
     */
    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(int maxConnections) {
        for (int i = 0; i < maxConnections; i++) {
            SSLSocket client;
            try {
                client = (SSLSocket) socket.accept();
            } catch (IOException e) {
                return; // closed by close(), or no client came within the timeout
            }
            try (client) {
                client.setSoTimeout((int) TIMEOUT.toMillis());
                client.startHandshake();
                handshakes.incrementAndGet();
                drain(client.getInputStream());
            } catch (IOException e) {
                failures.incrementAndGet();
            }
        }
    }

    /** Reads until the client closes the connection, so the server never resets it mid-way. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (in.read(buffer) != -1) {
            continue;
        }
    }
}
