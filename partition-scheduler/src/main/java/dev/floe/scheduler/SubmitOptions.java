package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How one computation is run: {@link Scheduler#submit(TaskGraph, java.util.Collection, SubmitOptions)}.
 *
 * <pre>{@code
 * SubmitOptions options = SubmitOptions.defaults()
 *         .withMaxTasksInFlight(2 * scheduler.threads())
 *         .withRetries(2)
 *         .withListener(progressBar);
 * }</pre>
 *
 * @param maxTasksInFlight at most this many tasks of the computation run at once (back-pressure: with
 *                         depth-first ordering it bounds the partitions whose memory is live);
 *                         {@link #UNBOUNDED} by default
 * @param retries          how many times a task that failed with a transient error is run again
 *                         (0 by default); the attempts run on the same worker, after a backoff
 * @param retryOn          which failures are transient; by default {@link #isTransientIoFailure}
 * @param retryBackoff     the wait before the first retry, doubled before each further one
 * @param listeners        registered before any task starts
 */
public record SubmitOptions(int maxTasksInFlight, int retries, Predicate<Throwable> retryOn,
                            Duration retryBackoff, List<ProgressListener> listeners) {

    public static final int UNBOUNDED = Integer.MAX_VALUE;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(10);

    private static final SubmitOptions DEFAULTS = new SubmitOptions(UNBOUNDED, 0,
            SubmitOptions::isTransientIoFailure, DEFAULT_RETRY_BACKOFF, List.of());

    public SubmitOptions {
        requireNonNull(retryOn, "retryOn is null");
        requireNonNull(retryBackoff, "retryBackoff is null");
        requireNonNull(listeners, "listeners is null");
        if (maxTasksInFlight < 1) {
            throw new IllegalArgumentException("maxTasksInFlight must be >= 1, got " + maxTasksInFlight);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, got " + retryBackoff);
        }
        for (ProgressListener listener : listeners) {
            requireNonNull(listener, "a listener is null: " + listeners);
        }
        listeners = List.copyOf(listeners);
    }

    /** Unbounded tasks in flight, no retries, no listeners. */
    public static SubmitOptions defaults() {
        return DEFAULTS;
    }

    public SubmitOptions withMaxTasksInFlight(int maxTasksInFlight) {
        return new SubmitOptions(maxTasksInFlight, retries, retryOn, retryBackoff, listeners);
    }

    public SubmitOptions withRetries(int retries) {
        return new SubmitOptions(maxTasksInFlight, retries, retryOn, retryBackoff, listeners);
    }

    public SubmitOptions withRetryOn(Predicate<Throwable> retryOn) {
        return new SubmitOptions(maxTasksInFlight, retries, retryOn, retryBackoff, listeners);
    }

    public SubmitOptions withRetryBackoff(Duration retryBackoff) {
        return new SubmitOptions(maxTasksInFlight, retries, retryOn, retryBackoff, listeners);
    }

    /** These options with one more listener. */
    public SubmitOptions withListener(ProgressListener listener) {
        List<ProgressListener> more = new ArrayList<>(listeners);
        more.add(requireNonNull(listener, "listener is null"));
        return new SubmitOptions(maxTasksInFlight, retries, retryOn, retryBackoff, more);
    }

    /**
     * The default {@link #retryOn}: true if an {@link IOException} occurs anywhere in the cause chain,
     * unless it is a {@link FileNotFoundException} or {@link NoSuchFileException} (a missing file does
     * not come back) — and never for a {@link CancelledException} or a {@link TaskFailedException} (a
     * nested computation that failed has applied its own retry policy already).
     */
    public static boolean isTransientIoFailure(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean io = false;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof FileNotFoundException || t instanceof NoSuchFileException
                    || t instanceof CancelledException || t instanceof TaskFailedException) {
                return false;
            }
            io |= t instanceof IOException;
        }
        return io;
    }
}
