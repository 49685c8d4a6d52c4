package dev.cachet.validation.net;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for validation: it accepts any server certificate. That is right for validation:
 * tls-alpn-01 checks the certificate's content, not its chain (RFC 8737 §3), and http-01 follows
 * redirects to HTTPS without checking certificates, as Let's Encrypt does, since the proof is the
 * key authorization in the body. {@code cachet probe} uses it too, to see an untrusted chain, and
 * then judges that chain itself with the chain verifier.
 */
public final class TrustAllTls {
    private static final SSLContext CONTEXT = context();

    private TrustAllTls() {
    }

    /**
     * Starts TLS over a connected socket and completes the handshake.
     *
     * @param socket the connected TCP socket
     * @param serverName the SNI host name, or null to send none (an IP address target)
     * @param applicationProtocols the ALPN protocols to offer, or none
     * @param millis the read timeout during the handshake
     * @return the TLS socket, handshake done
     * @throws IOException when the handshake fails
     */
    public static SSLSocket handshake(Socket socket, String serverName, List<String> applicationProtocols,
            int millis) throws IOException {
        SSLSocket tls = (SSLSocket) CONTEXT.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
        parameters.setEndpointIdentificationAlgorithm(null);
        parameters.setApplicationProtocols(applicationProtocols.toArray(String[]::new));
        tls.setSSLParameters(parameters);
        tls.setUseClientMode(true);
        tls.setSoTimeout(Math.max(1, millis));
        tls.startHandshake();
        return tls;
    }

    private static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }

    /** Accepts every server certificate: the validators check what matters to them. */
    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Any certificate: see the class comment.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Any certificate: see the class comment.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Any certificate: see the class comment.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
