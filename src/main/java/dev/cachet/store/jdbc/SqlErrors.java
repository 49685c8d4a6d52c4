package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The one translation of {@link SQLException} into {@link CachetException}. */
final class SqlErrors {
    /** SQLState of a unique constraint violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's admin shutdown, crash shutdown and "cannot connect now": the server is going or coming. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private SqlErrors() {
    }

    /**
     * Translates a database failure.
     *
     * @param e the failure
     * @param what the object the statement was about, such as {@code certificate serial 0a1b...}
     * @return UNAVAILABLE for a lost or refused connection, ALREADY_EXISTS for a unique violation,
     *     INTERNAL otherwise
     */
    static CachetException translate(SQLException e, String what) {
        List<SQLException> chain = chain(e);
        if (chain.stream().anyMatch(SqlErrors::isConnectionFailure)) {
            return new CachetException(ErrorType.UNAVAILABLE, "database unavailable: " + e.getMessage(), e);
        }
        if (chain.stream().anyMatch(x -> UNIQUE_VIOLATION.equals(x.getSQLState()))) {
            return new CachetException(ErrorType.ALREADY_EXISTS, what + " already exists", e);
        }
        return new CachetException(ErrorType.INTERNAL, "database error on " + what + ": " + e.getMessage(), e);
    }

    /**
     * Tells whether an error says the database ended the connection's session (PostgreSQL
     * 57P01 to 57P03: shutdown, crash, restart); any transaction of it was rolled back.
     *
     * @param e the error
     * @return true for an ended session
     */
    static boolean isEndedSession(SQLException e) {
        return chain(e).stream().anyMatch(s -> SERVER_GOING_AWAY.contains(s.getSQLState()));
    }

    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state));
    }

    /** The exception, its causes and its next exceptions (batch failures hide the real one there). */
    private static List<SQLException> chain(SQLException e) {
        List<SQLException> all = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty() && all.size() < 20) {
            Throwable t = todo.remove(0);
            if (t instanceof SQLException && !all.contains(t)) {
                SQLException sql = (SQLException) t;
                all.add(sql);
                addIfPresent(todo, sql.getNextException());
            }
            addIfPresent(todo, t.getCause());
        }
        return all;
    }

    private static void addIfPresent(List<Throwable> todo, Throwable t) {
        if (t != null) {
            todo.add(t);
        }
    }
}
