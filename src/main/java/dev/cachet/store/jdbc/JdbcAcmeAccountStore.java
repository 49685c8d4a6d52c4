package dev.cachet.store.jdbc;

import dev.cachet.store.acme.AccountStatus;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * ACME accounts on H2 or PostgreSQL. The unique key thumbprint makes a taken key
 * {@code ALREADY_EXISTS}; state changes are compare-and-set updates. Contact URLs are a JSON array.
 */
public final class JdbcAcmeAccountStore implements AcmeAccountStore {
    private static final String SELECT = "SELECT id, key_thumbprint, jwk, status, contact, terms_agreed,"
            + " eab_key_id, created_at FROM acme_accounts";

    private final Jdbc jdbc;
    private final JsonText json = new JsonText();

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcAcmeAccountStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(AcmeAccount a) {
        Objects.requireNonNull(a.createdAt(), "createdAt");
        jdbc.update(describe(a.id()) + " with key " + a.keyThumbprint(), "INSERT INTO acme_accounts (id,"
                + " key_thumbprint, jwk, status, contact, terms_agreed, eab_key_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.id(),
                a.keyThumbprint(), a.jwk(), a.status().name(), json.write(a.contact()), a.termsAgreed(),
                Jdbc.nullable(a.eabKeyId(), Types.VARCHAR), a.createdAt());
    }

    @Override
    public Optional<AcmeAccount> find(String id) {
        return jdbc.first(describe(id), SELECT + " WHERE id = ?", this::account, id);
    }

    @Override
    public Optional<AcmeAccount> findByThumbprint(String keyThumbprint) {
        return jdbc.first(describeKey(keyThumbprint), SELECT + " WHERE key_thumbprint = ?", this::account,
                keyThumbprint);
    }

    @Override
    public boolean updateContact(String id, List<String> contact) {
        return jdbc.update(describe(id), "UPDATE acme_accounts SET contact = ? WHERE id = ? AND status = 'VALID'",
                json.write(List.copyOf(contact)), id) > 0;
    }

    @Override
    public boolean deactivate(String id) {
        return jdbc.update(describe(id), "UPDATE acme_accounts SET status = 'DEACTIVATED'"
                + " WHERE id = ? AND status = 'VALID'", id) > 0;
    }

    @Override
    public boolean changeKey(String id, String oldThumbprint, String newThumbprint, String newJwk) {
        return jdbc.update(describeKey(newThumbprint), "UPDATE acme_accounts SET key_thumbprint = ?, jwk = ?"
                + " WHERE id = ? AND key_thumbprint = ?", newThumbprint, newJwk, id, oldThumbprint) > 0;
    }

    private AcmeAccount account(ResultSet row) throws SQLException {
        return new AcmeAccount(row.getString("id"), row.getString("key_thumbprint"), row.getString("jwk"),
                AccountStatus.valueOf(row.getString("status")), json.readList(row.getString("contact")),
                row.getBoolean("terms_agreed"), row.getString("eab_key_id"), Jdbc.instant(row, "created_at"));
    }

    private static String describe(String id) {
        return "ACME account " + id;
    }

    private static String describeKey(String thumbprint) {
        return "ACME account key " + thumbprint;
    }
}
