package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Passphrases;
import dev.cachet.store.AuditLog;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.CrlStore;
import dev.cachet.store.TokenStore;
import dev.cachet.store.UnitOfWork;
import dev.cachet.store.jdbc.Database;
import dev.cachet.store.jdbc.JdbcAuditLog;
import dev.cachet.store.jdbc.JdbcCertificateStore;
import dev.cachet.store.jdbc.JdbcCrlStore;
import dev.cachet.store.jdbc.JdbcTokenStore;
import dev.cachet.store.jdbc.JdbcUnitOfWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The database of a Cachet instance and the stores over it: the embedded H2 database of the data
 * folder, or the configured PostgreSQL. The audit log also appends every event to
 * {@value #AUDIT_FILE} in the data folder ({@link AuditFile}).
 *
 * @param database the pool
 * @param certificates the certificate store
 * @param crls the CRL store
 * @param tokens the API token store
 * @param audit the audit log: the database's table and the data folder's JSON lines file
 */
public record Storage(Database database, CertificateStore certificates, CrlStore crls, TokenStore tokens,
        AuditLog audit) implements AutoCloseable {
    /** The audit trail as JSON lines, in the data folder, beside the database's table. */
    public static final String AUDIT_FILE = "audit.jsonl";

    /**
     * Opens the configured database, migrating its schema.
     *
     * @param config the configuration
     * @param clock the time source
     * @return the stores
     */
    public static Storage open(CachetConfig config, Clock clock) {
        CachetConfig.Database settings = config.database();
        Database database;
        if (settings.url() == null || settings.url().isBlank()) {
            Path dir = Path.of(config.data()).resolve("db");
            createDirectories(dir);
            database = Database.embedded(dir);
        } else {
            String password = settings.passwordFile() == null ? null
                    : new String(Passphrases.read(Path.of(settings.passwordFile())));
            database = Database.open(settings.url(), settings.user(), password);
        }
        DataSource source = database.dataSource();
        AuditLog audit = new AuditFile(Path.of(config.data()).resolve(AUDIT_FILE), new JdbcAuditLog(source),
                new JdbcUnitOfWork(source));
        return new Storage(database, new JdbcCertificateStore(source, clock), new JdbcCrlStore(source),
                new JdbcTokenStore(source), audit);
    }

    /** @return transactions spanning the stores' calls, on their database */
    public UnitOfWork units() {
        return new JdbcUnitOfWork(database.dataSource());
    }

    /** Closes the pool. */
    @Override
    public void close() {
        database.close();
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, dir + ": cannot create (" + e.getMessage() + ")", e);
        }
    }
}
