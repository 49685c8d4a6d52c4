package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import org.h2.tools.Server;

/**
 * Shares the embedded H2 database of a data folder with the other Cachet processes of the machine,
 * so that {@code cachet token create} works while {@code cachet serve} runs: a TCP server on the
 * loopback interface that serves this one database under a random key, and the address with that
 * key in {@value #ADDRESS_FILE} beside the database (mode 0600: only the folder's owner may connect).
 *
 * <p>H2's own {@code AUTO_SERVER} mode does the same, but it requires H2 to close the database from
 * a JVM shutdown hook of its own, which races with the requests still in flight on SIGTERM.
 */
final class SharedH2 implements AutoCloseable {
    /** The file holding the JDBC URL of the serving process. */
    static final String ADDRESS_FILE = "cachet.server";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Server server;
    private final Path addressFile;

    private SharedH2(Server server, Path addressFile) {
        this.server = server;
        this.addressFile = addressFile;
    }

    /**
     * The JDBC URL of the process that serves a folder's database, if one said so.
     *
     * @param dir the database folder
     * @return the {@code jdbc:h2:tcp:} URL, or empty
     */
    static Optional<String> address(Path dir) {
        try {
            return Optional.of(Files.readString(dir.resolve(ADDRESS_FILE), StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO,
                    dir.resolve(ADDRESS_FILE) + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Forgets the address left by a process that ended without removing it.
     *
     * @param dir the database folder
     */
    static void forget(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(ADDRESS_FILE));
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, dir.resolve(ADDRESS_FILE) + ": cannot delete (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * Serves the database that this process has open.
     *
     * @param dir the database folder
     * @param databasePath the database's path as H2 names it (without the {@code .mv.db} suffix)
     * @param settings the connection settings the clients use, starting with {@code ;}
     * @return the running server
     */
    static SharedH2 start(Path dir, String databasePath, String settings) {
        String key = HexFormat.of().formatHex(randomKey());
        Server server;
        try {
            // Without -tcpAllowOthers the server accepts loopback connections only; -key serves
            // this one database, and only to those who know the key.
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key, databasePath)
                    .start();
        } catch (SQLException e) {
            throw new CachetException(ErrorType.UNAVAILABLE, "cannot share the database with other processes: "
                    + e.getMessage(), e);
        }
        Path addressFile = dir.resolve(ADDRESS_FILE);
        try {
            forget(dir);
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + key + settings + "\n";
            SecureFiles.write(new SecureFiles.Output(addressFile, url.getBytes(StandardCharsets.US_ASCII), true));
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return new SharedH2(server, addressFile);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Stops serving: removes the address, then closes the other processes' sessions. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(addressFile);
        } catch (IOException e) {
            // The next process finds the address stale and forgets it.
        }
        server.stop();
    }
}
