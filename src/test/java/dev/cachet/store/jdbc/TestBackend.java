package dev.cachet.store.jdbc;

import dev.cachet.testing.PostgresServer;
import java.nio.file.Path;
import java.util.UUID;

/** The databases every store contract runs on. */
enum TestBackend {
    /** The embedded H2 file database, in a test's temporary folder. */
    H2,
    /** A new database on the shared test PostgreSQL server. */
    POSTGRESQL;

    /**
     * Creates a new, empty database.
     *
     * @param tempDir the test's temporary folder
     * @return how to connect to it
     */
    Target newDatabase(Path tempDir) {
        if (this == H2) {
            return new Target(Database.embeddedUrl(tempDir), null, null);
        }
        PostgresServer server = PostgresServer.shared();
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        return new Target(server.newDatabase(name), server.user(), server.password());
    }

    /**
     * How to connect to a test database.
     *
     * @param url the JDBC URL
     * @param user the user, or null
     * @param password the password, or null
     */
    record Target(String url, String user, String password) {
        /** @return the database, opened and migrated */
        Database open() {
            return Database.open(url, user, password);
        }
    }
}
