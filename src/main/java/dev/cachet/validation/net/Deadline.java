package dev.cachet.validation.net;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The moment by which one validation (or one CAA check) must be over. Every DNS query, connect
 * and read of the validation takes its time from the same deadline, and a socket handed to
 * {@link #guard} is closed when the deadline passes, so that a server that drips bytes cannot
 * hold a validation past it.
 */
public final class Deadline {
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final long endNanos;
    private final Duration limit;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    /**
     * Starts a deadline.
     *
     * @param limit the time from now
     * @return the deadline
     */
    public static Deadline after(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a deadline needs a positive time");
        }
        return new Deadline(limit);
    }

    /** @return the time this deadline was given when it started */
    public Duration limit() {
        return limit;
    }

    /** @return the time left, zero once the deadline has passed */
    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** @return the time left in milliseconds, at least 1 while time is left and 0 after */
    public int remainingMillis() {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
    }

    /** @return whether the deadline has passed */
    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /**
     * Closes a socket when the deadline passes, unless the returned guard is closed first.
     *
     * @param socket the socket to close
     * @return the guard; closing it cancels the watch (it does not close the socket)
     */
    public Guard guard(Socket socket) {
        ScheduledFuture<?> task = WATCHDOG.schedule(() -> closeQuietly(socket),
                Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    /**
     * Closes a socket, ignoring failure: used when giving up on a connection.
     *
     * @param socket the socket, or null
     */
    public static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more can be done with a socket that fails to close.
            return;
        }
    }

    /** Cancels a socket watch. */
    @FunctionalInterface
    public interface Guard extends AutoCloseable {
        /** Stops watching; never throws. */
        @Override
        void close();
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "cachet-validation-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }
}
