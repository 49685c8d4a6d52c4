package dev.cachet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A private PostgreSQL cluster for tests: Debian's {@code initdb} and {@code pg_ctl} in a temporary
 * folder, listening on 127.0.0.1 on a free port with password authentication. PostgreSQL refuses
 * to run as root, so as root the binaries run as the {@code postgres} user. The cluster is stopped
 * and its folder deleted by {@link #close()} or at JVM exit.
 *
 * <p>{@link #shared()} is one server for the whole test JVM; tests that stop the server create
 * their own with {@link #create()}. Both apply the rule of {@link PostgresBinaries#require()}.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String USER = "cachet";
    private static final String PASSWORD = "cachet-test-password";
    private static final int MAX_CONNECTIONS = 200;

    private final Path binDir;
    private final Path dir;
    private final int port;
    private final Thread shutdownHook;

    private PostgresServer(Path binDir, Path dir, int port) {
        this.binDir = binDir;
        this.dir = dir;
        this.port = port;
        this.shutdownHook = new Thread(this::stopAndDelete, "postgres-test-server-stop");
    }

    /**
     * The server of this JVM, created and started on first use.
     *
     * @return the running shared server
     */
    public static PostgresServer shared() {
        PostgresBinaries.require();
        return Shared.SERVER;
    }

    /**
     * Creates a cluster in a new temporary folder; it is not started yet.
     *
     * @return the new server, stopped
     */
    public static PostgresServer create() {
        Path binDir = PostgresBinaries.require();
        try {
            Path dir = Files.createTempDirectory("cachet-pg-");
            PostgresServer server = new PostgresServer(binDir, dir, freePort());
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            server.initdb();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the server, unless it runs, and waits until it accepts connections.
     *
     * @return this server
     */
    public PostgresServer start() {
        if (!running()) {
            pgCtl("start", "-l", dir.resolve("server.log").toString());
        }
        return this;
    }

    /** Stops the server, if it runs (fast shutdown: open connections are terminated). */
    public void stop() {
        if (running()) {
            pgCtl("stop", "-m", "fast");
        }
    }

    /** @return whether the server runs */
    public boolean running() {
        int notRunning = 3;
        return run(List.of(binDir.resolve("pg_ctl").toString(), "status", "-D", data().toString()), notRunning) == 0;
    }

    /**
     * Stops and starts the server again, on the same port with the same data.
     *
     * @return this server
     */
    public PostgresServer restart() {
        stop();
        return start();
    }

    /** @return the JDBC URL of the {@code postgres} database */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /**
     * The JDBC URL of a database of this server.
     *
     * @param database the database name
     * @return its URL
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** @return the superuser every test connects as */
    public String user() {
        return USER;
    }

    /** @return the superuser's password */
    public String password() {
        return PASSWORD;
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /**
     * Creates an empty database.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter
     * @return its JDBC URL
     */
    public String newDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        stopAndDelete();
    }

    private void initdb() throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD);
        PostgresBinaries.handToServerUser(dir);
        PostgresBinaries.handToServerUser(passwordFile);
        run(List.of(binDir.resolve("initdb").toString(), "-D", data().toString(), "-U", USER,
                "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust",
                "-E", "UTF8", "--no-locale", "--no-sync"));
        Files.writeString(data().resolve("postgresql.conf"), String.join("\n", "",
                "listen_addresses = '127.0.0.1'", "port = " + port, "unix_socket_directories = '" + dir + "'",
                "max_connections = " + MAX_CONNECTIONS, ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(binDir.resolve("pg_ctl").toString(), action,
                "-D", data().toString(), "-w", "-t", String.valueOf(PostgresBinaries.TIMEOUT.toSeconds() / 2)));
        command.addAll(List.of(options));
        run(command);
    }

    private int run(List<String> command, Integer... allowedExitCodes) {
        return PostgresBinaries.run(command, dir.resolve("commands.log"), allowedExitCodes);
    }

    private void stopAndDelete() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                pgCtl("stop", "-m", "immediate");
            }
        } finally {
            PostgresBinaries.deleteTree(dir);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The shared server, started when this class is first used. */
    private static final class Shared {
        static final PostgresServer SERVER = create().start();
    }
}
