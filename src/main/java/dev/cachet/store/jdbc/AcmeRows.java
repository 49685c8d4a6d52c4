package dev.cachet.store.jdbc;

import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.ChallengeStatus;
import dev.cachet.store.acme.OrderStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and writes the rows of ACME orders and authorizations: an order with its authorization
 * ids, an authorization with its challenges, each list read with one more query for all rows.
 */
final class AcmeRows {
    /** The order columns, for {@code SELECT ... FROM acme_orders}. */
    static final String ORDER_COLUMNS = "id, account_id, status, identifiers, expires, not_before, not_after,"
            + " profile, replaces, certificate_serial, error, created_at";
    /** The authorization columns, for {@code SELECT ... FROM acme_authorizations}. */
    static final String AUTHORIZATION_COLUMNS = "id, account_id, identifier_type, identifier_value, wildcard,"
            + " status, expires";
    private static final String INSERT_AUTHORIZATION = "INSERT INTO acme_authorizations (" + AUTHORIZATION_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CHALLENGE = "INSERT INTO acme_challenges (id, authorization_id, ordinal,"
            + " type, token, status, validated, error, validation_records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AcmeJson json = new AcmeJson();

    /**
     * Runs an order query and attaches the authorization ids of every row.
     *
     * @param c the connection
     * @param sql a query selecting {@link #ORDER_COLUMNS}
     * @param parameters its parameters
     * @return the orders in the order of the query
     */
    List<AcmeOrder> orders(Connection c, String sql, Object... parameters) throws SQLException {
        List<AcmeOrder> bare = Jdbc.list(c, sql, this::order, parameters);
        Map<String, List<String>> authorizations = Jdbc.children(c, "SELECT order_id, authorization_id"
                + " FROM acme_order_authorizations WHERE order_id IN (%s) ORDER BY order_id, ordinal", "order_id",
                row -> row.getString("authorization_id"), ids(bare.stream().map(AcmeOrder::id)));
        return bare.stream().map(o -> withAuthorizations(o, authorizations.getOrDefault(o.id(), List.of())))
                .collect(Collectors.toList());
    }

    /**
     * Runs an authorization query and attaches the challenges of every row.
     *
     * @param c the connection
     * @param sql a query selecting {@link #AUTHORIZATION_COLUMNS}
     * @param parameters its parameters
     * @return the authorizations in the order of the query
     */
    List<AcmeAuthorization> authorizations(Connection c, String sql, Object... parameters) throws SQLException {
        List<AcmeAuthorization> bare = Jdbc.list(c, sql, AcmeRows::authorization, parameters);
        Map<String, List<AcmeChallenge>> challenges = Jdbc.children(c, "SELECT authorization_id, id, type, token,"
                + " status, validated, error, validation_records FROM acme_challenges WHERE authorization_id IN (%s)"
                + " ORDER BY authorization_id, ordinal", "authorization_id", this::challenge,
                ids(bare.stream().map(AcmeAuthorization::id)));
        return bare.stream().map(a -> new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), a.wildcard(),
                a.status(), a.expires(), challenges.getOrDefault(a.id(), List.of()))).collect(Collectors.toList());
    }

    /**
     * Inserts authorizations and their challenges.
     *
     * @param c the connection, in a transaction
     * @param authorizations the new authorizations
     */
    void insert(Connection c, List<AcmeAuthorization> authorizations) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> challengeRows = new ArrayList<>();
        for (AcmeAuthorization a : authorizations) {
            rows.add(new Object[] {a.id(), a.accountId(), a.identifier().type().name(), a.identifier().value(),
                a.wildcard(), a.status().name(), a.expires()});
            for (int i = 0; i < a.challenges().size(); i++) {
                AcmeChallenge ch = a.challenges().get(i);
                challengeRows.add(new Object[] {ch.id(), a.id(), i, ch.type(), ch.token(), ch.status().name(),
                    Jdbc.nullable(ch.validated(), Types.TIMESTAMP_WITH_TIMEZONE), problem(ch.error()),
                    text(ch.validationRecords())});
            }
        }
        Jdbc.batch(c, INSERT_AUTHORIZATION, rows);
        Jdbc.batch(c, INSERT_CHALLENGE, challengeRows);
    }

    /**
     * A problem as a parameter.
     *
     * @param problem the problem, or null
     * @return its JSON text, or a text NULL
     */
    Object problem(AcmeProblem problem) {
        return text(json.problem(problem));
    }

    /**
     * The identifiers of an order as a parameter.
     *
     * @param order the order
     * @return a JSON array
     */
    String identifiers(AcmeOrder order) {
        return json.identifiers(order.identifiers());
    }

    /**
     * A text parameter that may be absent.
     *
     * @param value the text, or null
     * @return the text, or a text NULL
     */
    static Object text(String value) {
        return Jdbc.nullable(value, Types.VARCHAR);
    }

    private static List<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toList());
    }

    private AcmeOrder order(ResultSet row) throws SQLException {
        String serial = row.getString("certificate_serial");
        return new AcmeOrder(row.getString("id"), row.getString("account_id"),
                OrderStatus.valueOf(row.getString("status")), json.identifiers(row.getString("identifiers")),
                List.of(), Jdbc.instant(row, "expires"), Jdbc.instant(row, "not_before"),
                Jdbc.instant(row, "not_after"), row.getString("profile"), row.getString("replaces"),
                serial == null ? null : SerialKeys.serial(serial), json.problem(row.getString("error")),
                Jdbc.instant(row, "created_at"));
    }

    private static AcmeOrder withAuthorizations(AcmeOrder o, List<String> authorizationIds) {
        return new AcmeOrder(o.id(), o.accountId(), o.status(), o.identifiers(), authorizationIds, o.expires(),
                o.notBefore(), o.notAfter(), o.profile(), o.replaces(), o.certificateSerial(), o.error(),
                o.createdAt());
    }

    private static AcmeAuthorization authorization(ResultSet row) throws SQLException {
        return new AcmeAuthorization(row.getString("id"), row.getString("account_id"),
                CertificateRows.identifier(row, "identifier_type", "identifier_value"), row.getBoolean("wildcard"),
                AuthorizationStatus.valueOf(row.getString("status")), Jdbc.instant(row, "expires"), List.of());
    }

    private AcmeChallenge challenge(ResultSet row) throws SQLException {
        return new AcmeChallenge(row.getString("id"), row.getString("type"), row.getString("token"),
                ChallengeStatus.valueOf(row.getString("status")), Jdbc.instant(row, "validated"),
                json.problem(row.getString("error")), row.getString("validation_records"));
    }
}
