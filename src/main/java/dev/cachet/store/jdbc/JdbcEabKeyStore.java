package dev.cachet.store.jdbc;

import dev.cachet.store.acme.EabKey;
import dev.cachet.store.acme.EabKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * External account binding keys on H2 or PostgreSQL; binding is a compare-and-set on "unbound and
 * not revoked", revoking one on "not revoked".
 */
public final class JdbcEabKeyStore implements EabKeyStore {
    private static final String SELECT = "SELECT key_id, hmac_key, name, created_at, bound_account_id, revoked_at"
            + " FROM acme_eab_keys";

    private final Jdbc jdbc;

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcEabKeyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(EabKey key) {
        Objects.requireNonNull(key.createdAt(), "createdAt");
        jdbc.update(describe(key.keyId()), "INSERT INTO acme_eab_keys (key_id, hmac_key, name, created_at,"
                + " bound_account_id) VALUES (?, ?, ?, ?, ?)", key.keyId(), key.hmacKey(),
                Jdbc.nullable(key.name(), Types.VARCHAR), key.createdAt(),
                Jdbc.nullable(key.boundAccountId(), Types.VARCHAR));
    }

    @Override
    public Optional<EabKey> find(String keyId) {
        return jdbc.first(describe(keyId), SELECT + " WHERE key_id = ?", JdbcEabKeyStore::key, keyId);
    }

    @Override
    public boolean bind(String keyId, String accountId) {
        return jdbc.update(describe(keyId), "UPDATE acme_eab_keys SET bound_account_id = ?"
                + " WHERE key_id = ? AND bound_account_id IS NULL AND revoked_at IS NULL", accountId, keyId) > 0;
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
        return jdbc.update(describe(keyId), "UPDATE acme_eab_keys SET revoked_at = ?"
                + " WHERE key_id = ? AND revoked_at IS NULL", at, keyId) > 0;
    }

    /** {@inheritDoc} Keys created at the same time come by key id. */
    @Override
    public List<EabKey> list() {
        return jdbc.list("EAB keys", SELECT + " ORDER BY created_at, key_id", JdbcEabKeyStore::key);
    }

    private static EabKey key(ResultSet row) throws SQLException {
        return new EabKey(row.getString("key_id"), row.getBytes("hmac_key"), row.getString("name"),
                Jdbc.instant(row, "created_at"), row.getString("bound_account_id"),
                Jdbc.instant(row, "revoked_at"));
    }

    private static String describe(String keyId) {
        return "EAB key " + keyId;
    }
}
