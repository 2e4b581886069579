package dev.floe.scheduler;

/**
 * What a running {@link TaskFunction} may ask the scheduler. Safe to call from any thread.
 *
 * <p>{@link #isCancelled()} becomes true when the task's computation is cancelled or another of its
 * tasks has failed; the task's result will then be discarded (and closed), so it should stop early.
 * The scheduler never interrupts worker threads (an interrupt closes NIO and Hadoop channels), so
 * polling is the only way a task learns that it should stop.
 */
public interface TaskContext {

    /** The key of the running task (inside a fused task: the key of the stage being run). */
    String key();

    boolean isCancelled();

    /** @throws CancelledException if {@link #isCancelled()} */
    void checkCancelled();

    /**
     * Adds rows and bytes processed by this task since its last report (call it once per batch):
     * they go to the computation's totals ({@link Computation#progress()}), the task's profile
     * ({@link Computation#profile()}) and every {@link ProgressListener#progress}. Thread-safe and
     * cheap (two atomic adds, then the listeners). If the attempt fails and is retried, what it
     * reported is taken back (listeners see negative deltas). Ignored after the computation ended.
     *
     * @throws IllegalArgumentException if either is negative
     */
    void reportProgress(long rows, long bytes);

    /**
     * Reports rows this task produced (rows out, as {@link #reportProgress} reports rows in), for the
     * profile. Cheap; may be called once per batch or once at the end.
     */
    default void reportOutput(long rows) {
    }

    /**
     * Registers what to undo if this attempt fails and the task is run again ({@code retries}): counts the
     * task added to totals the scheduler does not know about (rows and rejects read into a query's metrics),
     * so that a retried task counts once. Run on the task's thread, before the next attempt, in the order
     * registered; never run for an attempt that succeeds or for the last one. Scheduler progress
     * ({@link #reportProgress}) is taken back without this.
     */
    default void onRetry(Runnable undo) {
    }
}
