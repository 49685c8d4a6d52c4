package dev.cachet.store.jdbc;

import dev.cachet.store.ApiToken;
import dev.cachet.store.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;

/** The API token store on H2 or PostgreSQL; scopes and domains are JSON arrays. */
public final class JdbcTokenStore implements TokenStore {
    private static final String SELECT =
            "SELECT id, name, secret_sha256, scopes, domains, created_at, revoked FROM api_tokens";

    private final Jdbc jdbc;
    private final JsonText json = new JsonText();

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcTokenStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(ApiToken token) {
        Objects.requireNonNull(token.createdAt(), "createdAt");
        jdbc.update("API token '" + token.name() + "'", "INSERT INTO api_tokens (id, name, secret_sha256, scopes,"
                + " domains, created_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)", token.id(), token.name(),
                token.secretSha256(), json.write(List.copyOf(new TreeSet<>(token.scopes()))),
                json.write(token.domains()), token.createdAt(), token.revoked());
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretSha256) {
        return jdbc.first("API token", SELECT + " WHERE secret_sha256 = ?", this::token, secretSha256);
    }

    @Override
    public List<ApiToken> list() {
        return jdbc.list("API tokens", SELECT + " ORDER BY name", this::token);
    }

    @Override
    public boolean revoke(String name) {
        return jdbc.update("API token '" + name + "'",
                "UPDATE api_tokens SET revoked = TRUE WHERE name = ? AND revoked = FALSE", name) > 0;
    }

    private ApiToken token(ResultSet row) throws SQLException {
        return new ApiToken(row.getString("id"), row.getString("name"), row.getString("secret_sha256"),
                new HashSet<>(json.readList(row.getString("scopes"))), json.readList(row.getString("domains")),
                Jdbc.instant(row, "created_at"), row.getBoolean("revoked"));
    }
}
