package dev.cachet.store.jdbc;

import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.ChallengeOutcome;
import dev.cachet.store.acme.OrderStatus;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * ACME orders, authorizations and challenges on H2 or PostgreSQL. Every transition is an
 * {@code UPDATE ... WHERE status = ?} whose affected rows decide; writes of several rows are one
 * transaction. A challenge update first locks its authorization row, so that starting, finishing
 * and deactivating cannot interleave.
 */
public final class JdbcAcmeOrderStore implements AcmeOrderStore {
    private static final String SELECT_ORDER = "SELECT " + AcmeRows.ORDER_COLUMNS + " FROM acme_orders";
    private static final String SELECT_AUTHORIZATION =
            "SELECT " + AcmeRows.AUTHORIZATION_COLUMNS + " FROM acme_authorizations";
    private static final String INSERT_ORDER = "INSERT INTO acme_orders (" + AcmeRows.ORDER_COLUMNS
            + ", status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SET_STATUS = "UPDATE acme_orders SET status = ?, status_changed_at = ?";

    private final Jdbc jdbc;
    private final Clock clock;
    private final AcmeRows rows = new AcmeRows();

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     * @param clock the time of status changes, for {@link #stuckProcessing}
     */
    public JdbcAcmeOrderStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void create(AcmeOrder order, List<AcmeAuthorization> newAuthorizations) {
        Object[] orderRow = orderRow(order);
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < order.authorizationIds().size(); i++) {
            links.add(new Object[] {order.id(), i, order.authorizationIds().get(i)});
        }
        jdbc.inTransaction(describe(order.id()), c -> {
            rows.insert(c, newAuthorizations);
            Jdbc.update(c, INSERT_ORDER, orderRow);
            Jdbc.batch(c, "INSERT INTO acme_order_authorizations (order_id, ordinal, authorization_id)"
                    + " VALUES (?, ?, ?)", links);
            return null;
        });
    }

    @Override
    public Optional<AcmeOrder> findOrder(String id) {
        return jdbc.withConnection(describe(id), c -> rows.orders(c, SELECT_ORDER + " WHERE id = ?", id))
                .stream().findFirst();
    }

    @Override
    public List<AcmeOrder> ordersOf(String accountId, String after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        String sql = SELECT_ORDER + " WHERE account_id = ?" + (after == null ? "" : " AND id > ?")
                + " ORDER BY id LIMIT ?";
        Object[] parameters = after == null ? new Object[] {accountId, limit} : new Object[] {accountId, after, limit};
        return jdbc.withConnection("the orders of ACME account " + accountId, c -> rows.orders(c, sql, parameters));
    }

    @Override
    public Optional<AcmeAuthorization> findAuthorization(String id) {
        return jdbc.withConnection(describeAuthorization(id),
                c -> rows.authorizations(c, SELECT_AUTHORIZATION + " WHERE id = ?", id)).stream().findFirst();
    }

    /** {@inheritDoc} The one that expires last comes first. */
    @Override
    public Optional<AcmeAuthorization> findReusable(String accountId, Identifier identifier, boolean wildcard,
            Instant validAtLeastUntil) {
        return jdbc.withConnection("reusable authorization for " + identifier, c -> rows.authorizations(c,
                SELECT_AUTHORIZATION + " WHERE account_id = ? AND identifier_type = ? AND identifier_value = ?"
                + " AND wildcard = ? AND status = 'VALID' AND expires >= ? ORDER BY expires DESC, id DESC LIMIT 1",
                accountId, identifier.type().name(), identifier.value(), wildcard, validAtLeastUntil))
                .stream().findFirst();
    }

    @Override
    public boolean startChallenge(String authorizationId, String challengeId) {
        return jdbc.allOrNothing(describeAuthorization(authorizationId), c -> !Jdbc.list(c, "SELECT id"
                + " FROM acme_authorizations WHERE id = ? AND status = 'PENDING' FOR UPDATE",
                row -> row.getString("id"), authorizationId).isEmpty()
                && Jdbc.update(c, "UPDATE acme_challenges SET status = 'PROCESSING'"
                + " WHERE id = ? AND authorization_id = ? AND status = 'PENDING'", challengeId, authorizationId) == 1);
    }

    /** {@inheritDoc} A valid outcome must carry the new expiry; {@code validated} is set only then. */
    @Override
    public boolean finishChallenge(ChallengeOutcome o) {
        if (o.valid()) {
            Objects.requireNonNull(o.authorizationExpires(), "authorizationExpires");
        }
        String status = o.valid() ? "VALID" : "INVALID";
        return jdbc.allOrNothing(describeAuthorization(o.authorizationId()), c -> finishAuthorization(c, o)
                && Jdbc.update(c, "UPDATE acme_challenges SET status = ?, validated = ?, error = ?,"
                + " validation_records = ? WHERE id = ? AND authorization_id = ?"
                + " AND status IN ('PENDING', 'PROCESSING')", status,
                Jdbc.nullable(o.valid() ? o.at() : null, Types.TIMESTAMP_WITH_TIMEZONE), rows.problem(o.error()),
                AcmeRows.text(o.validationRecords()), o.challengeId(), o.authorizationId()) == 1);
    }

    @Override
    public boolean deactivateAuthorization(String id) {
        return jdbc.update(describeAuthorization(id), "UPDATE acme_authorizations SET status = 'DEACTIVATED'"
                + " WHERE id = ? AND status IN ('PENDING', 'VALID')", id) > 0;
    }

    @Override
    public boolean transition(String id, OrderStatus from, OrderStatus to) {
        return jdbc.update(describe(id), SET_STATUS + " WHERE id = ? AND status = ?", to.name(), clock.instant(),
                id, from.name()) > 0;
    }

    @Override
    public boolean attachCertificate(String id, BigInteger serial) {
        return jdbc.update(describe(id), "UPDATE acme_orders SET certificate_serial = ? WHERE id = ?"
                + " AND status = 'PROCESSING' AND certificate_serial IS NULL", SerialKeys.key(serial), id) > 0;
    }

    @Override
    public boolean complete(String id, BigInteger serial) {
        return jdbc.update(describe(id), SET_STATUS + ", certificate_serial = ? WHERE id = ? AND status = ?",
                OrderStatus.VALID.name(), clock.instant(), SerialKeys.key(serial), id,
                OrderStatus.PROCESSING.name()) > 0;
    }

    @Override
    public boolean fail(String id, OrderStatus from, AcmeProblem error) {
        return jdbc.update(describe(id), SET_STATUS + ", error = ? WHERE id = ? AND status = ?",
                OrderStatus.INVALID.name(), clock.instant(), rows.problem(error), id, from.name()) > 0;
    }

    /** {@inheritDoc} The longest stuck come first. */
    @Override
    public List<AcmeOrder> stuckProcessing(Instant before, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return jdbc.withConnection("orders stuck processing", c -> rows.orders(c, SELECT_ORDER
                + " WHERE status = 'PROCESSING' AND status_changed_at < ? ORDER BY status_changed_at, id LIMIT ?",
                before, limit));
    }

    private boolean finishAuthorization(Connection c, ChallengeOutcome o) throws SQLException {
        String where = " WHERE id = ? AND status = 'PENDING'";
        if (o.valid()) {
            return Jdbc.update(c, "UPDATE acme_authorizations SET status = 'VALID', expires = ?" + where,
                    o.authorizationExpires(), o.authorizationId()) == 1;
        }
        return Jdbc.update(c, "UPDATE acme_authorizations SET status = 'INVALID'" + where, o.authorizationId()) == 1;
    }

    private Object[] orderRow(AcmeOrder o) {
        Objects.requireNonNull(o.expires(), "expires");
        Objects.requireNonNull(o.createdAt(), "createdAt");
        int timestamp = Types.TIMESTAMP_WITH_TIMEZONE;
        return new Object[] {o.id(), o.accountId(), o.status().name(), rows.identifiers(o), o.expires(),
            Jdbc.nullable(o.notBefore(), timestamp), Jdbc.nullable(o.notAfter(), timestamp), o.profile(),
            AcmeRows.text(o.replaces()), AcmeRows.text(o.certificateSerial() == null ? null
                    : SerialKeys.key(o.certificateSerial())), rows.problem(o.error()), o.createdAt(), clock.instant()};
    }

    private static String describe(String orderId) {
        return "ACME order " + orderId;
    }

    private static String describeAuthorization(String id) {
        return "ACME authorization " + id;
    }
}
