package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.store.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One JDBC transaction for the store calls of a piece of work: the work's thread is bound to one
 * connection of the pool, which every {@link Jdbc} of the same data source then uses without
 * committing, and the transaction commits when the work returns. Each commit of H2's MVStore
 * writes a chunk and each of PostgreSQL's waits for its WAL flush, so work that would commit
 * several times (an issuance's reservation, its audit row and the caller's link to it) costs one.
 */
public final class JdbcUnitOfWork implements UnitOfWork {
    private static final ThreadLocal<Bound> BOUND = new ThreadLocal<>();

    private final DataSource dataSource;
    private final Jdbc jdbc;

    /** A thread's connection, the data source it belongs to, and what to do after its commit. */
    private record Bound(DataSource dataSource, Connection connection, List<Runnable> afterCommit) {
    }

    /**
     * Creates units of work on a database.
     *
     * @param dataSource the pool of a migrated {@link Database}, the one the stores use
     */
    public JdbcUnitOfWork(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public <T> T inOne(Supplier<T> work) {
        if (joined(dataSource) != null) {
            return work.get();
        }
        List<Runnable> afterCommit = new ArrayList<>();
        Bound outer = BOUND.get();  // a unit on another database, if any, goes on after this one
        T result = jdbc.inTransaction("unit of work", connection -> {
            afterCommit.clear();
            BOUND.set(new Bound(dataSource, connection, afterCommit));
            try {
                return work.get();
            } catch (CachetException e) {
                // The database ended the session under the unit: all of it was rolled back, so the
                // whole unit runs again on another connection (Jdbc's retry), as a single call would.
                if (e.getCause() instanceof SQLException cause && SqlErrors.isEndedSession(cause)) {
                    throw cause;
                }
                throw e;
            } finally {
                BOUND.set(outer);
            }
        });
        afterCommit.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Bound bound = BOUND.get();
        if (bound != null && bound.dataSource() == dataSource) {
            bound.afterCommit().add(action);
        } else {
            action.run();
        }
    }

    /**
     * The connection of the unit of work running on this thread, if it uses this data source.
     *
     * @param dataSource a store's data source
     * @return the unit's connection, or null outside a unit of work on it
     */
    static Connection joined(DataSource dataSource) {
        Bound bound = BOUND.get();
        return bound != null && bound.dataSource() == dataSource ? bound.connection() : null;
    }
}
