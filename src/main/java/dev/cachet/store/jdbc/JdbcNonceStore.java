package dev.cachet.store.jdbc;

import dev.cachet.store.acme.NonceStore;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * ACME replay nonces on H2 or PostgreSQL. Redeeming deletes the row in one statement, so a nonce
 * is accepted once across all instances sharing the database.
 */
public final class JdbcNonceStore implements NonceStore {
    private static final String WHAT = "ACME nonce";

    private final Jdbc jdbc;

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcNonceStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void issue(String nonce, Instant expires) {
        jdbc.update(WHAT, "INSERT INTO acme_nonces (nonce, expires) VALUES (?, ?)", nonce, expires);
    }

    @Override
    public boolean redeem(String nonce, Instant now) {
        return jdbc.update(WHAT, "DELETE FROM acme_nonces WHERE nonce = ? AND expires > ?", nonce, now) == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return jdbc.update("expired ACME nonces", "DELETE FROM acme_nonces WHERE expires <= ?", now);
    }
}
