package dev.cachet.store.jdbc;

import dev.cachet.core.BackgroundThreads;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file from growing without bound. Commits are written at once
 * ({@code WRITE_DELAY=0}, without which a killed process loses what it committed), and that leaves
 * H2 without its background writer, the thread that rewrites sparse chunks: under ACME load the file
 * grew by about 115 KB per order and never shrank, 98 % of it dead (docs/reliability.md). This runs
 * the same online step, {@link MVStore#compact(int, int)}: live pages of chunks that are mostly dead
 * and older than H2's retention time are written again, so that those chunks are freed and reused.
 */
final class EmbeddedCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCompaction.class);
    /** Chunks whose live share is below this percentage are rewritten. */
    private static final int TARGET_FILL_RATE = 50;
    /** At most this many bytes are rewritten per step, and a run makes at most MAX_STEPS steps. */
    private static final int STEP_BYTES = 4 << 20;
    private static final int MAX_STEPS = 16;

    private final DataSource pool;
    private final ScheduledExecutorService scheduler = BackgroundThreads.scheduler("cachet-h2-compaction");

    private EmbeddedCompaction(DataSource pool) {
        this.pool = pool;
    }

    /**
     * Starts compacting an embedded database this process opened.
     *
     * @param pool connections to it in this process (not through its TCP server)
     * @param interval the time between two runs
     * @return the running task; {@link #close} stops it
     */
    static EmbeddedCompaction start(DataSource pool, Duration interval) {
        EmbeddedCompaction compaction = new EmbeddedCompaction(pool);
        compaction.scheduler.scheduleWithFixedDelay(compaction::runOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return compaction;
    }

    /**
     * Compacts once; a failure is logged, and the next run tries again.
     *
     * @return how many steps rewrote chunks
     */
    int runOnce() {
        try (Connection connection = pool.getConnection()) {
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal)) {
                return 0;
            }
            MVStore store = ((SessionLocal) session).getDatabase().getStore().getMvStore();
            int steps = 0;
            while (steps < MAX_STEPS && store.compact(TARGET_FILL_RATE, STEP_BYTES)) {
                steps++;
            }
            return steps;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("compacting the embedded database failed, will try again: {}", e.getMessage());
            return 0;
        }
    }

    /** Stops the schedule, waiting briefly for a run under way. */
    @Override
    public void close() {
        BackgroundThreads.stopNow(scheduler);
    }
}
