package dev.cachet.server;

import dev.cachet.acme.OrderRecovery;
import dev.cachet.ca.ReservationRecovery;
import dev.cachet.core.BackgroundThreads;
import dev.cachet.enrolment.email.RequestRecovery;
import dev.cachet.store.jdbc.JdbcAcmeOrderStore;
import dev.cachet.store.jdbc.JdbcCertificateRequestStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash recovery of one instance: once at start, then every {@code recovery.intervalSeconds}.
 * Reservations are settled first, so that the ACME orders and e-mail requests waiting on them are
 * settled in the same pass.
 * Several instances may run it at once: every change is a compare-and-set in the database.
 */
final class RecoveryTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryTask.class);

    private final ReservationRecovery reservations;
    private final OrderRecovery orders;
    private final RequestRecovery requests;
    private final ScheduledExecutorService scheduler;

    private RecoveryTask(ReservationRecovery reservations, OrderRecovery orders, RequestRecovery requests) {
        this.reservations = reservations;
        this.orders = orders;
        this.requests = requests;
        this.scheduler = BackgroundThreads.scheduler("cachet-recovery");
    }

    /**
     * Runs one pass now, then schedules the others.
     *
     * @param settings the grace period and interval
     * @param storage the database
     * @param clock the time source
     * @return the running task; {@link #close} stops it
     */
    static RecoveryTask start(CachetConfig.Recovery settings, Storage storage, Clock clock) {
        Duration grace = Duration.ofSeconds(settings.graceSeconds());
        RecoveryTask task = new RecoveryTask(
                new ReservationRecovery(storage.certificates(), storage.audit(), clock, grace),
                new OrderRecovery(new JdbcAcmeOrderStore(storage.database().dataSource(), clock),
                        storage.certificates(), storage.audit(), clock, grace),
                new RequestRecovery(new JdbcCertificateRequestStore(storage.database().dataSource()),
                        storage.certificates(), storage.audit(), clock, grace));
        task.runOnce();
        task.scheduler.scheduleWithFixedDelay(task::runOnce, settings.intervalSeconds(), settings.intervalSeconds(),
                TimeUnit.SECONDS);
        return task;
    }

    /** One pass; a failure (the database away) is logged and the next pass tries again. */
    void runOnce() {
        try {
            int unissued = reservations.run();
            OrderRecovery.Result settled = orders.run();
            int requestsSettled = requests.run();
            if (unissued + settled.completed() + settled.failed() + requestsSettled > 0) {
                // Leftovers mean an instance stopped mid-issuance: worth a warning.
                LOG.warn("crash recovery: {} serial(s) marked never issued, {} order(s) completed, {} failed, {}"
                        + " e-mail request(s) settled", unissued, settled.completed(), settled.failed(),
                        requestsSettled);
            }
        } catch (RuntimeException e) {
            LOG.warn("crash recovery failed, will try again: {}", e.getMessage());
        }
    }

    /** Stops the schedule, waiting briefly for a pass under way. */
    @Override
    public void close() {
        BackgroundThreads.stopNow(scheduler);
    }
}
