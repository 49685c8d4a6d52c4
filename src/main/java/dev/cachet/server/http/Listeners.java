package dev.cachet.server.http;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.server.HostPort;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.security.KeyStore;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates Cachet's HTTP and HTTPS listeners with the same limits and error handling. */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    /** Idle connections are closed after this long (slowloris). */
    private static final long IDLE_TIMEOUT_MILLIS = 30_000;
    /** In-flight requests get this long to finish on shutdown. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    /**
     * On shutdown, a connection silent this long is closed: an idle keep-alive connection (which
     * would otherwise hold the stop up), or a client that stalls in the middle of a request.
     * Jetty's default, one second, cut off slow clients still sending a request.
     */
    private static final long SHUTDOWN_IDLE_TIMEOUT_MILLIS = 3_000;

    /**
     * TLS 1.3's suites, then TLS 1.2's with forward secrecy (ECDHE) and AEAD encryption only: no
     * CBC, no RSA key exchange, no finite-field DHE (RFC 9325 §4.2, Mozilla's "intermediate" profile
     * less DHE). The server's own certificate has an ECDSA key; the ECDHE-RSA suites serve an RSA one.
     */
    private static final String[] CIPHER_SUITES = {
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};

    private Listeners() {
    }

    /**
     * Creates an HTTPS listener: TLS 1.2 and 1.3 only, with the AEAD, forward-secret suites of
     * {@link #CIPHER_SUITES}.
     *
     * @param address where to listen
     * @param keyStore the server certificate chain and key
     * @param password the key store password
     * @param maxBodyBytes the largest request body
     * @param routes the routes to serve
     * @return the server, not yet started
     */
    public static Javalin https(HostPort address, KeyStore keyStore, char[] password, long maxBodyBytes,
            Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            common(config, maxBodyBytes, routes);
            config.jetty.addConnector((server, http) -> tlsConnector(server, http, address, keyStore, password));
        });
    }

    /**
     * Creates a plain HTTP listener.
     *
     * @param address where to listen
     * @param maxBodyBytes the largest request body
     * @param routes the routes to serve
     * @return the server, not yet started
     */
    public static Javalin http(HostPort address, long maxBodyBytes, Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            common(config, maxBodyBytes, routes);
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                return bind(connector, address);
            });
        });
    }

    /**
     * Starts a listener, turning a port already in use into one clear line.
     *
     * @param app the listener
     * @param address where it listens, for the message
     */
    public static void start(Javalin app, HostPort address) {
        try {
            app.start();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new CachetException(ErrorType.IO, "cannot listen on " + address.authority() + ": "
                    + cause.getMessage(), e);
        }
    }

    private static void common(JavalinConfig config, long maxBodyBytes, Consumer<RoutesConfig> routes) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = maxBodyBytes;
        config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT_MILLIS));
        // Stopping waits (up to the stop timeout) for requests in flight, so that none of them meets
        // a closed database; without this handler Jetty only stops accepting.
        config.jetty.modifyServletContextHandler(context -> context.insertHandler(new GracefulHandler()));
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        config.routes.exception(CachetException.class, Problems::write);
        config.routes.exception(HttpResponseException.class, Problems::write);
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            Problems.write(ctx, 500, "internal", "internal error");
        });
        routes.accept(config.routes);
    }

    private static ServerConnector tlsConnector(Server server, HttpConfiguration http, HostPort address,
            KeyStore keyStore, char[] password) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keyStore);
        tls.setKeyStorePassword(new String(password));
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        tls.setIncludeCipherSuites(CIPHER_SUITES);
        tls.setUseCipherSuitesOrder(true);
        tls.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        return bind(connector, address);
    }

    private static ServerConnector bind(ServerConnector connector, HostPort address) {
        connector.setHost(address.host());
        connector.setPort(address.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT_MILLIS);
        return connector;
    }
}
