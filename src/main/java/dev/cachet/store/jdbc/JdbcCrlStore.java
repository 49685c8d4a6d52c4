package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.CrlStore;
import dev.cachet.store.StoredCrl;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The CRL store on H2 or PostgreSQL; the unique (issuer, number) decides between racing instances. */
public final class JdbcCrlStore implements CrlStore {
    private final Jdbc jdbc;

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcCrlStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<StoredCrl> latest(String issuerId) {
        return jdbc.first("the CRLs of issuer " + issuerId, "SELECT issuer_id, crl_number, this_update,"
                + " next_update, der FROM crls WHERE issuer_id = ? ORDER BY crl_number DESC LIMIT 1",
                JdbcCrlStore::crl, issuerId);
    }

    @Override
    public boolean save(StoredCrl crl) {
        try {
            jdbc.update("CRL number " + crl.number() + " of issuer " + crl.issuerId(), "INSERT INTO crls"
                    + " (issuer_id, crl_number, this_update, next_update, der) VALUES (?, ?, ?, ?, ?)",
                    crl.issuerId(), new BigDecimal(crl.number()), crl.thisUpdate(), crl.nextUpdate(), crl.der());
            return true;
        } catch (CachetException e) {
            if (e.type() == ErrorType.ALREADY_EXISTS) {
                return false;
            }
            throw e;
        }
    }

    private static StoredCrl crl(ResultSet row) throws SQLException {
        return new StoredCrl(row.getString("issuer_id"), row.getBigDecimal("crl_number").toBigIntegerExact(),
                Jdbc.instant(row, "this_update"), Jdbc.instant(row, "next_update"), row.getBytes("der"));
    }
}
