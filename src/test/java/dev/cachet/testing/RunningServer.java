package dev.cachet.testing;

import dev.cachet.enrolment.Scope;
import dev.cachet.enrolment.TokenService;
import dev.cachet.server.CachetConfig;
import dev.cachet.server.CachetServer;
import dev.cachet.server.ConfigLoader;
import dev.cachet.server.Storage;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link CachetServer} started for a test on free loopback ports, with a data folder of the
 * test's, and a second connection to its database for the test to create tokens and look at what
 * the server stored.
 */
public final class RunningServer implements AutoCloseable {
    private final CachetConfig config;
    private final CachetServer server;
    private Storage storage;

    private RunningServer(CachetConfig config, CachetServer server) {
        this.config = config;
        this.server = server;
    }

    /**
     * Starts a server on H2 (or the database the overrides name) in a data folder.
     *
     * @param data the data folder, created when missing
     * @param overrides further configuration by key path, such as {@code database.url}
     * @return the running server
     */
    public static RunningServer start(Path data, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("data", data.toString());
        all.put("listen", "127.0.0.1:0");
        all.put("httpListen", "127.0.0.1:0");
        all.putAll(overrides);
        CachetConfig config = ConfigLoader.load(null, Map.of(), all);
        return new RunningServer(config, CachetServer.start(config));
    }

    /**
     * Starts a second instance of a server's CA: its own data folder, with a copy of the first's
     * {@code ca/} folder. Given the same database overrides, both share all state.
     *
     * @param first the running instance
     * @param data the second instance's data folder, which must not hold a CA yet
     * @param overrides the configuration, such as the first's database
     * @return the second instance
     */
    public static RunningServer startSharing(RunningServer first, Path data, Map<String, String> overrides) {
        Path from = first.data().resolve("ca");
        Path to = data.resolve("ca");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(data, overrides);
    }

    /**
     * The overrides that put a server on a PostgreSQL database, its password in a file.
     *
     * @param postgres the PostgreSQL server
     * @param jdbcUrl a database of it
     * @param dir where to write the password file
     * @return {@code database.url}, {@code database.user} and {@code database.passwordFile}
     */
    public static Map<String, String> postgres(PostgresServer postgres, String jdbcUrl, Path dir) {
        try {
            Path password = Files.writeString(dir.resolve("db-password"), postgres.password() + "\n");
            return Map.of("database.url", jdbcUrl, "database.user", postgres.user(),
                    "database.passwordFile", password.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the server */
    public CachetServer server() {
        return server;
    }

    /** @return the configuration it runs with */
    public CachetConfig config() {
        return config;
    }

    /** @return the data folder */
    public Path data() {
        return Path.of(config.data());
    }

    /** @return a client of its HTTPS listener that trusts its root, without a token */
    public CachetClient client() {
        return CachetClient.trusting(server.httpsUrl(), server.rootCertificate());
    }

    /**
     * Creates an API token in the server's database, as {@code cachet token create} does.
     *
     * @param name the token's name
     * @param scopes such as {@code Scope.ISSUE}
     * @param domains the domains it may act for
     * @return its secret
     */
    public String token(String name, List<String> domains, Scope... scopes) {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        set.addAll(Arrays.asList(scopes));
        Clock clock = Clock.systemUTC();
        return new TokenService(storage().tokens(), storage().audit(), new SecureRandom(), clock)
                .create(name, set, domains).secret();
    }

    /** @return every certificate record in the database, by serial (at most 1000) */
    public List<CertificateRecord> certificates() {
        return storage().certificates().search(new CertificateQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), CertificateQuery.MAX_LIMIT));
    }

    /** @return the test's own connection to the server's database */
    public synchronized Storage storage() {
        if (storage == null) {
            storage = Storage.open(config, Clock.systemUTC());
        }
        return storage;
    }

    /** Closes the test's connection, then stops the server. */
    @Override
    public synchronized void close() {
        try {
            if (storage != null) {
                storage.close();
            }
        } finally {
            server.close();
        }
    }
}
