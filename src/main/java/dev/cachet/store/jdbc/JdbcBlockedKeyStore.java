package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.BlockedKey;
import dev.cachet.store.BlockedKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The blocked-key store on H2 or PostgreSQL; the primary key makes a second add a no-op. */
public final class JdbcBlockedKeyStore implements BlockedKeyStore {
    private final Jdbc jdbc;

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcBlockedKeyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean add(BlockedKey key) {
        try {
            jdbc.update("blocked key " + key.spkiSha256(), "INSERT INTO blocked_keys (spki_sha256, source, added_at)"
                    + " VALUES (?, ?, ?)", key.spkiSha256(), key.source(), key.addedAt());
            return true;
        } catch (CachetException e) {
            if (e.type() == ErrorType.ALREADY_EXISTS) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<BlockedKey> find(String spkiSha256) {
        return jdbc.first("blocked key " + spkiSha256, "SELECT spki_sha256, source, added_at FROM blocked_keys"
                + " WHERE spki_sha256 = ?", JdbcBlockedKeyStore::key, spkiSha256);
    }

    private static BlockedKey key(ResultSet row) throws SQLException {
        return new BlockedKey(row.getString("spki_sha256"), row.getString("source"), Jdbc.instant(row, "added_at"));
    }
}
