package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.policy.Identifiers;
import dev.cachet.server.http.Listeners;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Cachet: the composition root that wires configuration, CA, storage, services and the
 * two listeners (HTTPS for everything, plain HTTP for OCSP, CRLs and CA certificates).
 */
public final class CachetServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CachetServer.class);
    private final Storage storage;
    private final CaBootstrap.Opened ca;
    private final Javalin https;
    private final Javalin http;
    private final RecoveryTask recovery;
    private final String publicUrl;
    private final String baseUrl;
    private final EmailEnrolment background;

    private CachetServer(Storage storage, CaBootstrap.Opened ca, Javalin https, Javalin http, RecoveryTask recovery,
            CachetConfig config, EmailEnrolment background) {
        this.storage = storage;
        this.background = background;
        this.ca = ca;
        this.https = https;
        this.http = http;
        this.recovery = recovery;
        this.publicUrl = config.publicUrl() != null ? config.publicUrl() : "https://" + authority(https);
        this.baseUrl = baseUrl(config, http);
    }

    /**
     * Starts Cachet: opens (or creates) the CA and the database, then both listeners, then crash
     * recovery (one pass now, then periodically).
     *
     * @param config the configuration
     * @return the running server
     */
    public static CachetServer start(CachetConfig config) {
        Clock clock = Clock.systemUTC();
        Storage.createDirectories(Path.of(config.data()));
        FutureTask<Storage> opening = new FutureTask<>(() -> Storage.open(config, clock));
        // The database opens (and migrates) on another thread while this one decrypts the CA key: each
        // takes a few hundred milliseconds of one core at start (docs/performance.md, cold start).
        new Thread(opening, "cachet-open-database").start();
        CaBootstrap.Opened ca;
        try {
            ca = CaBootstrap.open(config, clock);
        } catch (RuntimeException e) {
            closeWhenOpened(opening);
            throw e;
        }
        Storage storage = opened(opening);
        try {
            HostPort httpAddress = HostPort.parse(config.httpListen(), "httpListen");
            HostPort httpsAddress = HostPort.parse(config.listen(), "listen").withFreePort();
            Services services = Services.create(config, ca.issuer(), storage, clock);
            long maxBody = config.limits().maxBodyBytes();
            // First the HTTP listener: the URLs written into certificates name its port.
            Javalin http = Listeners.http(httpAddress, maxBody, services::httpRoutes);
            Listeners.start(http, httpAddress);
            try {
                String publicUrl = config.publicUrl() != null ? config.publicUrl()
                        : "https://" + httpsAddress.authority();
                Services.Issuing issuing = services.issuing(baseUrl(config, http), publicUrl);
                try {
                    char[] password = randomPassword();
                    var keyStore = new ServerCertificate(Path.of(config.data()), issuing.leafIssuer(), clock)
                            .keyStore(serverNames(config, httpsAddress), password);
                    Javalin https = Listeners.https(httpsAddress, keyStore, password, maxBody,
                            routes -> services.httpsRoutes(routes, issuing));
                    Listeners.start(https, httpsAddress);
                    // Recovery's first pass runs before start returns, so before "ready" is printed.
                    return new CachetServer(storage, ca, https, http, RecoveryTask.start(config.recovery(), storage,
                            clock), config, issuing.email());
                } catch (RuntimeException e) {
                    issuing.email().close();
                    throw e;
                }
            } catch (RuntimeException e) {
                http.stop();
                throw e;
            }
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private static Storage opened(FutureTask<Storage> opening) {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new CachetException(ErrorType.INTERNAL, "opening the database failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CachetException(ErrorType.UNAVAILABLE, "interrupted while opening the database", e);
        }
    }

    /** After the CA failed to open: waits for the database, and closes it if it opened. */
    private static void closeWhenOpened(FutureTask<Storage> opening) {
        try {
            opened(opening).close();
        } catch (CachetException e) {
            LOG.debug("the database did not open either: {}", e.getMessage());
        }
    }

    /** @return the external URL of the HTTPS listener */
    public String httpsUrl() {
        return publicUrl;
    }

    /** @return the URL of the plain HTTP listener (OCSP, CRLs, CA certificates) */
    public String httpUrl() {
        return baseUrl;
    }

    /** @return the root certificate file */
    public Path rootCertificate() {
        return ca.folder().rootCertificate();
    }

    /** @return the root's SHA-256 fingerprint */
    public String rootFingerprint() {
        try {
            return Fingerprints.sha256(ca.issuer().chain().get(ca.issuer().chain().size() - 1).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return how the CA keys are protected: in a token, encrypted (and with what), or not */
    public String caKeyProtection() {
        return ca.keyProtection();
    }

    /** @return whether the CA was created by this start */
    public boolean createdCa() {
        return ca.created();
    }

    /**
     * Stops both listeners, letting requests in flight finish (for up to 10 seconds each), then
     * closes the database. A listener that fails to stop is reported in one warning line and does
     * not keep the database open.
     */
    @Override
    public void close() {
        try {
            recovery.close();
            stop(https, "HTTPS");
            stop(http, "HTTP");
            background.close();
        } finally {
            storage.close();
        }
    }

    private static void stop(Javalin app, String name) {
        try {
            app.stop();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warn("the {} listener did not stop cleanly: {}", name, cause.toString());
        }
    }

    private static List<Identifier> serverNames(CachetConfig config, HostPort listen) {
        Set<Identifier> names = new LinkedHashSet<>(List.of(Identifiers.parse("localhost"),
                Identifiers.parse("127.0.0.1"), Identifiers.parse("ip:::1")));
        if (!Set.of("0.0.0.0", "::", "localhost").contains(listen.host())) {
            Identifiers.parseHost(listen.host()).ifPresent(names::add);
        }
        if (config.publicUrl() != null) {
            Identifiers.parseHost(URI.create(config.publicUrl()).getHost()).ifPresent(names::add);
        }
        return new ArrayList<>(names);
    }

    private static String baseUrl(CachetConfig config, Javalin http) {
        return config.baseUrl() != null ? config.baseUrl() : "http://" + authority(http);
    }

    private static String authority(Javalin app) {
        ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
        String host = connector.getHost() == null || "0.0.0.0".equals(connector.getHost()) ? "127.0.0.1"
                : connector.getHost();
        return new HostPort(host, connector.getLocalPort()).authority();
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes).toCharArray();
    }
}
