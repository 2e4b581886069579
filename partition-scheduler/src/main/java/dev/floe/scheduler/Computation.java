package dev.floe.scheduler;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A graph submitted to a {@link Scheduler}: running, or ended in success, failure or cancellation.
 * All methods are thread-safe.
 *
 * <p>Ownership: on success the output results belong to whoever calls {@link #get()} (every call
 * returns the same objects; close them once). On failure or cancellation the scheduler closes every
 * result it still holds, outputs included.
 *
 * <p>On {@link Scheduler#synchronous()} the tasks run inside {@code get()}, on the calling thread.
 */
public interface Computation {

    /**
     * Waits for the end and returns output key -&gt; result, in the order the outputs were given.
     * On success it returns once every intermediate result has been closed, so the caller may check
     * for leaks at once; after a failure or cancellation it returns at once (see {@link #awaitQuiescence}).
     * Called from a worker thread of the same scheduler (a nested computation), the thread runs
     * ready tasks of this computation while it waits, so nesting cannot deadlock the pool.
     * If the waiting thread is interrupted, the computation is cancelled and the interrupt flag kept.
     *
     * @throws TaskFailedException the first task that failed, with the exception it threw as cause
     * @throws CancelledException  after {@link #cancel()}
     */
    Map<String, Object> get();

    /** As {@link #get()}, waiting at most the given time (the computation keeps running on timeout). */
    Map<String, Object> get(long timeout, TimeUnit unit) throws TimeoutException;

    /**
     * Stops the computation: running tasks see {@link TaskContext#isCancelled()}, no new task starts,
     * {@code get()} throws {@link CancelledException} at once, held results are closed (a result that a
     * still-running task is reading is closed when that task returns).
     *
     * @return true if this call ended the computation; false if it had already ended
     */
    boolean cancel();

    /** True once the computation has succeeded, failed or been cancelled. */
    boolean isDone();

    /**
     * Waits until the computation has ended, no task of it is still running and every result the
     * scheduler held has been closed — the moment a caller may free memory the tasks were using
     * (after a failure or a cancellation, {@link #get()} returns before running tasks notice).
     *
     * @return true if quiescent, false if the time ran out
     */
    boolean awaitQuiescence(long timeout, TimeUnit unit) throws InterruptedException;

    /** Adds a listener; see {@link ProgressListener} for the order of events. */
    void addListener(ProgressListener listener);

    /** Tasks done, total and running, rows and bytes reported, elapsed time and an ETA, now. */
    ProgressSnapshot progress();

    /**
     * Every task that has run so far — times, CPU, thread, rows and bytes — with per-kind aggregates:
     * after the end, the whole story (EXPLAIN ANALYZE).
     */
    ComputationProfile profile();
}
