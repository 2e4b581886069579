package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

/**
 * What one task of a computation did: one row of Dask's task stream. Times are nanoseconds since
 * the computation was submitted.
 *
 * @param readyNanos when its last dependency finished (0 for a task without dependencies)
 * @param startNanos when its first attempt started
 * @param endNanos   when its last attempt returned
 * @param cpuNanos   CPU time of the worker thread over all attempts, or -1 where the JVM does not measure it
 * @param thread     the name of the thread that ran the last attempt
 * @param rows       rows reported by the last attempt ({@link TaskContext#reportProgress})
 * @param bytes      bytes reported by the last attempt
 * @param attempts   1, or more if the task was retried
 * @param succeeded  false if the task threw (or was cancelled)
 * @param rowsOut    rows the last attempt produced ({@link TaskContext#reportOutput})
 */
public record TaskProfile(String key, String kind, String description, long readyNanos, long startNanos,
                          long endNanos, long cpuNanos, String thread, long rows, long bytes, int attempts,
                          boolean succeeded, long rowsOut) {

    /** A profile without rows out. */
    public TaskProfile(String key, String kind, String description, long readyNanos, long startNanos, long endNanos,
            long cpuNanos, String thread, long rows, long bytes, int attempts, boolean succeeded) {
        this(key, kind, description, readyNanos, startNanos, endNanos, cpuNanos, thread, rows, bytes, attempts,
                succeeded, 0);
    }

    public TaskProfile {
        requireNonNull(key, "key is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        requireNonNull(thread, "thread is null");
    }

    /** Wall time working: start to end. */
    public long wallNanos() {
        return endNanos - startNanos;
    }

    /** Time spent ready but waiting for a thread (or for the in-flight limit): ready to start. */
    public long waitingNanos() {
        return Math.max(0, startNanos - readyNanos);
    }
}
