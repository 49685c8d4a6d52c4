package dev.cachet.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The few JDBC moves every store makes: borrow a connection, run in a transaction that is rolled
 * back on any failure, bind parameters, map rows, and translate errors through {@link SqlErrors}.
 *
 * <p>Instants are stored as {@code TIMESTAMP WITH TIME ZONE}, which both databases keep to the
 * microsecond; they are truncated to microseconds here so that H2 and PostgreSQL store the same
 * value (PostgreSQL would round).
 */
final class Jdbc {
    private final DataSource dataSource;

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * A SQL NULL of a JDBC type, for a parameter that may be absent: a bare null parameter is
     * refused as a likely mistake.
     *
     * @param sqlType the {@link java.sql.Types} constant
     */
    record Null(int sqlType) {
    }

    Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param what the object concerned, for error messages
     * @param work the statements
     * @return what the work returned
     */
    <T> T inTransaction(String what, Work<T> work) {
        Connection joined = JdbcUnitOfWork.joined(dataSource);
        if (joined != null) {
            return inUnit(what, joined, work);
        }
        return onLiveSession(what, () -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
            }
        });
    }

    /**
     * Runs compare-and-set work in one transaction: committed when it returns true, rolled back
     * when it returns false or throws, so that several updates take effect together or not at all.
     *
     * @param what the object concerned, for error messages
     * @param work the statements; false when one of them found its row in another state
     * @return what the work returned
     */
    boolean allOrNothing(String what, Work<Boolean> work) {
        return inTransaction(what, c -> {
            // A savepoint, not the transaction's start: within a unit of work, earlier calls stay.
            Savepoint start = c.setSavepoint();
            boolean done = work.run(c);
            if (!done) {
                c.rollback(start);
            }
            return done;
        });
    }

    /** Runs one statement with autocommit; returns the update count. */
    int update(String what, String sql, Object... parameters) {
        return withConnection(what, c -> update(c, sql, parameters));
    }

    /** Runs one query with autocommit; returns its rows. */
    <T> List<T> list(String what, String sql, RowMapper<T> mapper, Object... parameters) {
        return withConnection(what, c -> list(c, sql, mapper, parameters));
    }

    /** Runs one query with autocommit; returns its first row. */
    <T> Optional<T> first(String what, String sql, RowMapper<T> mapper, Object... parameters) {
        return list(what, sql, mapper, parameters).stream().findFirst();
    }

    /** Runs work on a connection in autocommit mode (reads, single statements). */
    <T> T withConnection(String what, Work<T> work) {
        Connection joined = JdbcUnitOfWork.joined(dataSource);
        if (joined != null) {
            return inUnit(what, joined, work);
        }
        return onLiveSession(what, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
    }

    /**
     * Runs work on the connection of the unit of work around it ({@link JdbcUnitOfWork}), which
     * commits, rolls back or runs again as a whole: an error here ends the whole unit.
     */
    private static <T> T inUnit(String what, Connection connection, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, what);
        }
    }

    /**
     * Runs an attempt again while its pooled connection belonged to a session the database ended
     * (a restart or failover; the pool drops such connections one by one): the server rolled back
     * whatever that session did, so a new try cannot apply the work twice. Other errors are
     * translated at once.
     */
    private static <T> T onLiveSession(String what, Attempt<T> attempt) {
        for (int attempts = 1;; attempts++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!SqlErrors.isEndedSession(e) || attempts > Database.MAX_POOL_SIZE) {
                    throw SqlErrors.translate(e, what);
                }
            }
        }
    }

    /** One try of a unit of database work. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws SQLException;
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /**
     * Runs one statement for each row of parameters, as a batch.
     *
     * @param connection the connection
     * @param sql the statement
     * @param rows the parameters of each execution; none runs nothing
     */
    static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Reads the child rows of parents in one query, grouped by parent key in the order of the query.
     *
     * @param connection the connection
     * @param sql a query with {@code IN (%s)} on the parent key, such as
     *     {@code SELECT parent, x FROM t WHERE parent IN (%s) ORDER BY parent, ordinal}
     * @param keyColumn the parent key column
     * @param mapper maps a row to a child
     * @param keys the parent keys; none gives an empty map without a query
     * @return the children by parent key
     */
    static <T> Map<String, List<T>> children(Connection connection, String sql, String keyColumn,
            RowMapper<T> mapper, List<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(keys.size(), "?"));
        RowMapper<Map.Entry<String, T>> entry = row -> Map.entry(row.getString(keyColumn), mapper.map(row));
        return list(connection, String.format(sql, marks), entry, keys.toArray()).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /**
     * A parameter that may be absent.
     *
     * @param value the value, or null
     * @param sqlType the JDBC type of the column, for a null
     * @return the value, or a {@link Null} of that type
     */
    static Object nullable(Object value, int sqlType) {
        return value == null ? new Null(sqlType) : value;
    }

    /**
     * Binds parameters: Instants as UTC timestamps to the microsecond, byte arrays as bytes,
     * {@link Null} as SQL NULL.
     */
    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = Objects.requireNonNull(parameters[i], () -> "SQL parameter is null");
            if (value instanceof Null) {
                statement.setNull(i + 1, ((Null) value).sqlType());
            } else if (value instanceof Instant) {
                statement.setObject(i + 1, timestamp((Instant) value));
            } else if (value instanceof byte[]) {
                statement.setBytes(i + 1, (byte[]) value);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** Reads a timestamp column as an Instant, or null. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
