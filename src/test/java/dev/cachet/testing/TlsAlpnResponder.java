package dev.cachet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A tls-alpn-01 responder (RFC 8737): a JDK TLS server on 127.0.0.1 that negotiates ALPN
 * {@code acme-tls/1} and presents one validation certificate.
 */
public final class TlsAlpnResponder implements AutoCloseable {
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final char[] PASSWORD = "responder".toCharArray();
    private final SSLServerSocket socket;
    private final AtomicInteger handshakes = new AtomicInteger();

    private TlsAlpnResponder(SSLServerSocket socket) {
        this.socket = socket;
        Thread thread = new Thread(this::serve, "tls-alpn-responder");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the responder.
     *
     * @param port the port on 127.0.0.1
     * @param certificate the validation certificate with its acmeIdentifier extension
     * @param key its private key
     * @return the running responder
     * @throws IOException when the port cannot be bound
     * @throws GeneralSecurityException when the key does not fit a TLS server
     */
    public static TlsAlpnResponder start(int port, X509Certificate certificate, PrivateKey key)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("validation", key, PASSWORD, new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(port, 16, InetAddress.getByName("127.0.0.1"));
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"acme-tls/1"});
        socket.setSSLParameters(parameters);
        return new TlsAlpnResponder(socket);
    }

    /** @return how many TLS handshakes completed */
    public int handshakes() {
        return handshakes.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket accepted = socket.accept()) {
                SSLSocket tls = (SSLSocket) accepted;
                tls.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                tls.startHandshake();
                handshakes.incrementAndGet();
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (IOException e) {
                // A failed handshake ends that connection only; the validator may try again.
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a listening socket does not fail in a way a test could act on.
        }
    }
}
