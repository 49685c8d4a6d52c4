package dev.cachet.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled database with Cachet's schema: H2 embedded in a data folder by default, or PostgreSQL.
 * Opening it migrates the schema (Flyway, {@code classpath:db/migration}); closing it closes the pool.
 *
 * <p>The pool waits at most {@value #CONNECTION_TIMEOUT_SECONDS} seconds for a connection, so a
 * database that went away yields an {@link ErrorType#UNAVAILABLE} error quickly instead of a hang.
 */
public final class Database implements AutoCloseable {
    /** The largest number of connections of one Cachet instance. */
    public static final int MAX_POOL_SIZE = 10;
    private static final int CONNECTION_TIMEOUT_SECONDS = 3;
    private static final String MIGRATIONS = "classpath:db/migration";
    /** PostgreSQL: give up on a connect after 3 s and on a silent server after 60 s. */
    private static final String POSTGRES_TIMEOUTS = "connectTimeout=3&socketTimeout=60&tcpKeepAlive=true";

    /** How long a process waits for another one that is opening the same embedded database. */
    private static final int SHARED_WAIT_SECONDS = 10;
    /** H2's error code for a database file locked by another process. */
    private static final int H2_DATABASE_IN_USE = 90020;
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * Parsed statements each H2 session keeps (default 8): an ACME order runs far more distinct
     * statements, and parsing them again was about 8 % of the server's CPU per order.
     */
    private static final String H2_QUERY_CACHE = ";QUERY_CACHE_SIZE=128";
    /** How often the embedded file's sparse chunks are rewritten ({@link EmbeddedCompaction}). */
    private static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private SharedH2 shared;
    private EmbeddedCompaction compaction;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the embedded H2 file database {@code cachet} in a folder, creating it on first use.
     * Commits are written to the file at once ({@code WRITE_DELAY=0}). The first process to open
     * the database shares it with the others ({@link SharedH2}), so that {@code cachet token create}
     * works while {@code cachet serve} runs; a later process connects to the first one. The
     * database is closed by {@link #close()}, never behind the caller's back by a JVM shutdown hook
     * ({@code DB_CLOSE_ON_EXIT=FALSE}): requests in flight during a shutdown can still use it.
     *
     * @param dataDir the folder of the database files
     * @return the open database
     */
    public static Database embedded(Path dataDir) {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHARED_WAIT_SECONDS);
        while (true) {
            Optional<Database> client = SharedH2.address(dataDir).flatMap(url -> connect(dataDir, url));
            if (client.isPresent()) {
                return client.get();
            }
            try {
                return serveEmbedded(dataDir);
            } catch (CachetException e) {
                // Another process may be opening the file right now and will share it in a moment.
                if (System.nanoTime() > deadline || SharedH2.address(dataDir).isEmpty() && !isInUse(e)) {
                    throw e;
                }
                pause();
            }
        }
    }

    /**
     * The JDBC URL of the embedded database in a folder, opened by this process alone.
     *
     * @param dataDir the folder of the database files
     * @return an H2 URL in PostgreSQL mode
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + databasePath(dataDir) + H2_SETTINGS + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                + H2_QUERY_CACHE;
    }

    private static String databasePath(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("cachet").toString();
    }

    private static Database serveEmbedded(Path dataDir) {
        Database database = open(embeddedUrl(dataDir), null, null);
        try {
            database.shared = SharedH2.start(dataDir, databasePath(dataDir), H2_SETTINGS);
            database.compaction = EmbeddedCompaction.start(database.pool, COMPACTION_INTERVAL);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Connects to the process sharing the database; forgets its address when it is gone. */
    private static Optional<Database> connect(Path dataDir, String url) {
        try {
            return Optional.of(open(url, null, null));
        } catch (CachetException e) {
            SharedH2.forget(dataDir);
            return Optional.empty();
        }
    }

    private static boolean isInUse(CachetException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && ((SQLException) cause).getErrorCode() == H2_DATABASE_IN_USE) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CachetException(ErrorType.UNAVAILABLE, "interrupted while opening the database", e);
        }
    }

    /**
     * Opens a database and migrates its schema.
     *
     * @param jdbcUrl a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL
     * @param user the user, or null when the URL or the driver needs none
     * @param password the password, or null
     * @return the open database
     * @throws CachetException UNAVAILABLE when the database cannot be reached, INTERNAL when the
     *     migration fails
     */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariDataSource pool = newPool(Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password);
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).failOnMissingLocations(true)
                    .load().migrate();
            return new Database(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw failure("migrating the database schema", e);
        }
    }

    /** @return the pooled data source, for the stores */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * @return whether this process opened the embedded database file and shares it with the others
     *     ({@link #embedded(Path)}), rather than connecting to the process that did, or to PostgreSQL
     */
    public boolean ownsEmbeddedFile() {
        return shared != null;
    }

    /** Stops compacting and sharing an embedded database, then closes the pool and with it the database. */
    @Override
    public void close() {
        if (compaction != null) {
            compaction.close();
        }
        if (shared != null) {
            shared.close();
        }
        pool.close();
    }

    private static HikariDataSource newPool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cachet-db");
        config.setJdbcUrl(withTimeouts(jdbcUrl));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(CONNECTION_TIMEOUT_SECONDS));
        config.setValidationTimeout(TimeUnit.SECONDS.toMillis(2));
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw failure("opening the database", e);
        }
    }

    /** Adds connect and read timeouts to a PostgreSQL URL that sets none. */
    private static String withTimeouts(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.contains("connectTimeout=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + POSTGRES_TIMEOUTS;
    }

    /** A failure of the pool or Flyway, translated by its SQL cause when it has one. */
    private static CachetException failure(String doing, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CachetException) {
                return (CachetException) cause;
            }
            if (cause instanceof SQLException) {
                CachetException translated = SqlErrors.translate((SQLException) cause, "the database");
                if (translated.type() == ErrorType.UNAVAILABLE) {
                    return translated;
                }
            }
        }
        return new CachetException(ErrorType.INTERNAL, "failed " + doing + ": " + e.getMessage(), e);
    }
}
