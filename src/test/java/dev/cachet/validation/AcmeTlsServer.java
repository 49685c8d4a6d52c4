package dev.cachet.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * A TLS server on 127.0.0.1 for tls-alpn-01 tests: the JDK's TLS with one certificate, and an ALPN
 * selector that picks {@code acme-tls/1} when offered (or no ALPN support at all). It records the
 * SNI names it is sent.
 */
final class AcmeTlsServer implements AutoCloseable {
    private static final char[] PASSWORD = "unused".toCharArray();

    private final SSLServerSocket socket;
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    private AcmeTlsServer(SSLServerSocket socket) {
        this.socket = socket;
    }

    private void startServing() {
        Thread thread = new Thread(this::serve, "acme-tls-server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a server.
     *
     * @param certificate the certificate to serve
     * @param key its key pair
     * @param alpn whether the server supports ALPN (choosing acme-tls/1)
     * @return the server
     */
    static AcmeTlsServer start(X509CertificateHolder certificate, KeyPair key, boolean alpn)
            throws IOException, GeneralSecurityException {
        SSLServerSocket socket = (SSLServerSocket) context(certificate, key).getServerSocketFactory()
                .createServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        AcmeTlsServer server = new AcmeTlsServer(socket);
        SSLParameters parameters = socket.getSSLParameters();
        if (alpn) {
            parameters.setApplicationProtocols(new String[] {"acme-tls/1"});
        }
        parameters.setSNIMatchers(List.of(new Recorder(server.serverNames)));
        socket.setSSLParameters(parameters);
        server.startServing();
        return server;
    }

    /** Records each SNI host name during the handshake, before the client can finish. */
    private static final class Recorder extends SNIMatcher {
        private final List<String> names;

        Recorder(List<String> names) {
            super(StandardConstants.SNI_HOST_NAME);
            this.names = names;
        }

        @Override
        public boolean matches(SNIServerName serverName) {
            names.add(new SNIHostName(serverName.getEncoded()).getAsciiName());
            return true;
        }
    }

    static SSLContext context(X509CertificateHolder certificate, KeyPair key) throws IOException,
            GeneralSecurityException {
        X509Certificate jdk = new JcaX509CertificateConverter().getCertificate(certificate);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key.getPrivate(), PASSWORD, new X509Certificate[] {jdk});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the SNI host names received, one per handshake */
    List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (SSLSocket connection = (SSLSocket) socket.accept()) {
                connection.setSoTimeout(10_000);
                connection.startHandshake();
                InputStream in = connection.getInputStream();
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                continue;
            }
        }
    }
}
