package dev.cachet.store.jdbc;

import dev.cachet.store.acme.AcmeAccountStore;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.EabKeyStore;
import dev.cachet.store.acme.NonceStore;
import dev.cachet.store.acme.RateLimitStore;
import dev.cachet.testing.InMemoryAcmeAccountStore;
import dev.cachet.testing.InMemoryAcmeOrderStore;
import dev.cachet.testing.InMemoryEabKeyStore;
import dev.cachet.testing.InMemoryNonceStore;
import dev.cachet.testing.InMemoryRateLimitStore;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/** The implementations every ACME store contract runs on: the in-memory fakes, H2 and PostgreSQL. */
enum AcmeBackend {
    /** The in-memory stores of dev.cachet.testing. */
    MEMORY,
    /** The JDBC stores on the embedded H2 file database. */
    H2,
    /** The JDBC stores on a new database of the shared test PostgreSQL server. */
    POSTGRESQL;

    /**
     * Opens new, empty stores.
     *
     * @param tempDir the test's temporary folder
     * @param clock the clock of the order store
     * @return the stores
     */
    AcmeStores open(Path tempDir, Clock clock) {
        if (this == MEMORY) {
            InMemoryAcmeOrderStore orders = new InMemoryAcmeOrderStore(clock);
            return new AcmeStores(new InMemoryAcmeAccountStore(), orders, new InMemoryNonceStore(),
                    new InMemoryEabKeyStore(), new InMemoryRateLimitStore(orders), () -> { });
        }
        Database database = TestBackend.valueOf(name()).newDatabase(tempDir).open();
        DataSource dataSource = database.dataSource();
        return new AcmeStores(new JdbcAcmeAccountStore(dataSource), new JdbcAcmeOrderStore(dataSource, clock),
                new JdbcNonceStore(dataSource), new JdbcEabKeyStore(dataSource), new JdbcRateLimitStore(dataSource),
                database::close);
    }

    /**
     * The ACME stores of one backend.
     *
     * @param accounts the accounts
     * @param orders the orders, authorizations and challenges
     * @param nonces the nonces
     * @param eabKeys the EAB keys
     * @param rateLimits the rate-limit events
     * @param closer closes the database, if any
     */
    record AcmeStores(AcmeAccountStore accounts, AcmeOrderStore orders, NonceStore nonces, EabKeyStore eabKeys,
            RateLimitStore rateLimits, Runnable closer) {
    }
}
