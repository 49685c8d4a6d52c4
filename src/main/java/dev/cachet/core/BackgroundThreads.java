package dev.cachet.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The server's periodic jobs: one named daemon thread each, stopped within a bound. */
public final class BackgroundThreads {
    /** How long a stop waits for the job under way. */
    private static final long STOP_WAIT_SECONDS = 5;

    private BackgroundThreads() {
    }

    /**
     * A scheduler with one daemon thread, so that a job never keeps the JVM alive.
     *
     * @param name the thread's name
     * @return the scheduler
     */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Stops a scheduler: interrupts the job under way and waits for it a few seconds at most.
     *
     * @param scheduler the scheduler
     */
    public static void stopNow(ExecutorService scheduler) {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
