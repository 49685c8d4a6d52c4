package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.NonceStore;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * ACME replay nonces on H2 or PostgreSQL: the shared HMAC key, and the used nonces, whose primary
 * key makes redeeming one INSERT that succeeds once across all instances sharing the database.
 */
public final class JdbcNonceStore implements NonceStore {
    private static final String WHAT = "ACME nonce";
    private static final String KEY = "ACME nonce key";

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
    public byte[] sharedKey(byte[] candidate) {
        Optional<String> stored = storedKey();
        if (stored.isEmpty()) {
            try {
                jdbc.update(KEY, "INSERT INTO acme_nonce_key (id, hmac_key) VALUES (1, ?)",
                        Base64.getEncoder().encodeToString(candidate));
            } catch (CachetException e) {
                if (e.type() != ErrorType.ALREADY_EXISTS) {
                    throw e;
                }
            }
            stored = storedKey();
        }
        return Base64.getDecoder().decode(stored.orElseThrow());
    }

    private Optional<String> storedKey() {
        return jdbc.first(KEY, "SELECT hmac_key FROM acme_nonce_key WHERE id = 1", row -> row.getString(1));
    }

    @Override
    public boolean redeem(String nonceId, Instant expires) {
        try {
            jdbc.update(WHAT, "INSERT INTO acme_used_nonces (nonce_id, expires) VALUES (?, ?)", nonceId, expires);
            return true;
        } catch (CachetException e) {
            if (e.type() == ErrorType.ALREADY_EXISTS) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        return jdbc.update("expired ACME nonces", "DELETE FROM acme_used_nonces WHERE nonce_id IN (SELECT nonce_id "
                + "FROM acme_used_nonces WHERE expires <= ? ORDER BY expires LIMIT ?)", now, limit);
    }
}
