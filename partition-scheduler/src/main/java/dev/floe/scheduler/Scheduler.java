package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.internal.SchedulerCore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link TaskGraph}s on a pool of worker threads, keeping each intermediate result only as long
 * as a dependent still needs it. It knows nothing of what the tasks compute.
 *
 * <pre>{@code
 * Map<String, Object> out = Scheduler.shared().compute(graph, List.of("total"));
 * Computation running = Scheduler.shared().submit(graph, List.of("total"),
 *         SubmitOptions.defaults().withMaxTasksInFlight(8).withRetries(2).withListener(progressBar));
 * running.progress();          // tasks done / total, rows, bytes, ETA
 * running.cancel();
 * running.profile().toTable(); // per-kind wall and CPU time, waiting vs working, slowest task
 * }</pre>
 *
 * <p>{@link #shared()} is the process-wide pool every query should use; {@link #create(int)} a
 * private pool (tests, isolation); {@link #synchronous()} runs the same logic on the calling thread,
 * in a deterministic order, for debugging.
 */
public final class Scheduler implements AutoCloseable {

    /*
     * Implementation overview (SchedulerCore: threads and ring; GraphRun: one computation)
     * ====================================================================================
     *
     * State model. Each computation is its graph culled to its outputs; tasks are numbered by the
     * static priority of TaskGraph.order(outputs). Per task, under the scheduler's single lock:
     *
     *     waiting ──(last dependency finished)──► ready ──(picked)──► running ──► finished
     *                                                                               │
     *        result held ◄──────────────────────────────────────────────────────────┘
     *        until its last dependent has finished (then released), or, for an output, until
     *        the computation succeeds (then handed to the caller of get())
     *
     *   waiting[t]    distinct dependencies of t not yet finished
     *   ready         BitSet of tasks whose dependencies have all finished
     *   remaining[t]  dependents of t not yet finished; reaching 0 releases t's result
     *   pins[t]       running tasks that are reading t's result
     *   status        RUNNING -> SUCCEEDED | FAILED | CANCELLED, one transition, terminal
     *
     * Task selection (inside a computation): the ready task of lowest static priority number.
     * The static order is depth-first and places a reduction right after its last input, so a
     * partition's chain finishes, and its memory is released, before new partitions start — the
     * policy of dask/local.py, with dask.order's priorities in place of its LIFO stack.
     *
     * Fairness (between computations): computations with ready tasks sit in a ring. A worker takes
     * the computation at the front, starts its best ready task, and puts it at the back if it has
     * more. So a short query started behind a long one waits for at most one task per computation
     * ahead of it, not for the long query to end.
     *
     * Concurrency rule. One ReentrantLock per scheduler guards the ring and every computation's
     * state; it is held only for bookkeeping, never while a task function, a listener or a close()
     * runs. Tasks are assumed coarse (a partition: milliseconds or more), so one lock does not
     * contend. Workers wait on one condition, callers of get() on their computation's condition.
     * Worker threads are never interrupted (an interrupt closes NIO and Hadoop channels);
     * cancellation is a flag that tasks poll through TaskContext.isCancelled().
     *
     * Nested computations. A task may call compute()/get() on the same scheduler. A worker thread
     * that waits runs ready tasks of the computation it waits for (only of that one, so it returns
     * as soon as it can), which makes nesting deadlock-free even on one thread: every waiting thread
     * either has a task of its own computation to run, or that computation's tasks are running on
     * threads that are themselves making progress. The synchronous scheduler is the same code with
     * zero workers: every waiting thread helps.
     *
     * Ownership rule. The scheduler owns every result from the moment its task returns. A result
     * that is AutoCloseable is closed exactly once, by the scheduler, when it is released: after its
     * last dependent has run (non-outputs), or when the computation fails or is cancelled (every held
     * result, outputs included). On success the outputs pass to the caller of get(), who closes them.
     * A result still being read by a running task when the computation ends is closed when that task
     * returns; the result of a task that returns after the end is closed at once. A task that returns
     * one of its inputs as its own result is recognised by identity: the object is closed once, when
     * the last holder releases it. Tasks must not close their inputs. On success, get() returns only
     * after every intermediate result has been closed; after a failure or cancellation it returns at
     * once, and Computation.awaitQuiescence() waits until running tasks have returned and all is closed.
     *
     * Failure. The first task that throws ends its computation as FAILED: no new task of it starts,
     * its running tasks see isCancelled() == true, held results are closed, get() throws
     * TaskFailedException(key, description, the thrown exception). Exceptions are caught as data on
     * the worker, so the pool and the other computations carry on. Later failures are logged at debug.
     *
     * Cancellation. cancel() ends the computation as CANCELLED under the lock: get() throws
     * CancelledException at once, without waiting for running tasks to notice.
     *
     * Back-pressure (SubmitOptions.maxTasksInFlight). A computation "has ready tasks" for the ring
     * and for helping threads only while fewer than maxTasksInFlight of its tasks are running; when
     * one finishes and a slot opens, the computation re-enters the ring. Because tasks are picked
     * by the depth-first static order, a limit of 2 x threads bounds the partitions whose data is
     * live, not just the threads busy.
     *
     * Retries (SubmitOptions.retries, retryOn). A failed attempt that retryOn accepts is run again
     * on the same worker after a backoff (doubling; the sleep is sliced and ends on cancel), while
     * the computation is running. The task counts as in flight meanwhile. What the failed attempt
     * reported is taken back from the totals. The final failure carries the number of attempts.
     *
     * Observing (TaskContext.reportProgress, Computation.progress/profile). Progress totals are
     * LongAdders written by tasks without the lock; listeners hear each report on the task's thread.
     * The profile (ready, start, end, CPU, thread, rows, bytes, attempts per task) is written under
     * the lock when a task finishes, next to the state it describes, and copied out by profile().
     */

    private static final AtomicInteger POOL_IDS = new AtomicInteger();
    /** System property that overrides the number of worker threads of {@link #shared()}. */
    public static final String THREADS_PROPERTY = "floe.threads";

    private final SchedulerCore core;
    private final int threads;
    private final boolean isShared;

    private Scheduler(SchedulerCore core, int threads, boolean isShared) {
        this.core = core;
        this.threads = threads;
        this.isShared = isShared;
    }

    /**
     * The process-wide scheduler, created on first use: one daemon worker per core, or the value of
     * the system property {@value #THREADS_PROPERTY}. {@link #close()} on it does nothing.
     */
    public static Scheduler shared() {
        return SharedHolder.INSTANCE;
    }

    /** A private pool of {@code threads} daemon workers; {@link #close()} cancels its computations and stops them. */
    public static Scheduler create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        String name = "floe-scheduler-" + POOL_IDS.incrementAndGet();
        return new Scheduler(new SchedulerCore(name, threads), threads, false);
    }

    /**
     * Runs every task on the thread that calls {@link Computation#get()} (so a submitted computation
     * does not progress until then), one at a time, in the static order. {@link #threads()} is 1.
     */
    public static Scheduler synchronous() {
        return new Scheduler(new SchedulerCore("floe-synchronous-" + POOL_IDS.incrementAndGet(), 0), 1, false);
    }

    /** Runs the graph (culled to the outputs) and blocks; returns output key -&gt; result, in the order given. */
    public Map<String, Object> compute(TaskGraph graph, Collection<String> outputs) {
        return submit(graph, outputs).get();
    }

    /** Runs the graph (culled to {@code output}) and returns the output's result. */
    public Object compute(TaskGraph graph, String output) {
        requireNonNull(output, "output is null");
        return compute(graph, List.of(output)).get(output);
    }

    /** Starts running the graph, culled to the outputs. */
    public Computation submit(TaskGraph graph, Collection<String> outputs) {
        return core.submit(graph, outputs, SubmitOptions.defaults());
    }

    /** As {@link #submit(TaskGraph, Collection)}, with a listener registered before any task starts. */
    public Computation submit(TaskGraph graph, Collection<String> outputs, ProgressListener listener) {
        return core.submit(graph, outputs, SubmitOptions.defaults().withListener(listener));
    }

    /**
     * Starts running the graph, culled to the outputs, with a limit on tasks in flight, retries of
     * transient failures and listeners registered before any task starts.
     */
    public Computation submit(TaskGraph graph, Collection<String> outputs, SubmitOptions options) {
        return core.submit(graph, outputs, requireNonNull(options, "options is null"));
    }

    /** Computations submitted to this scheduler that have not ended yet (0 when the pool is idle). */
    public int activeComputations() {
        return core.activeCount();
    }

    /** The number of worker threads; 1 for {@link #synchronous()}. */
    public int threads() {
        return threads;
    }

    /** Cancels unfinished computations and stops the workers; does nothing on {@link #shared()}. */
    @Override
    public void close() {
        if (!isShared) {
            core.close();
        }
    }

    @Override
    public String toString() {
        return "Scheduler[" + core + ", " + threads + " threads]";
    }

    private static final class SharedHolder {
        static final Scheduler INSTANCE = createShared();

        private static Scheduler createShared() {
            int threads = threadsFromProperty(System.getProperty(THREADS_PROPERTY));
            return new Scheduler(new SchedulerCore("floe-shared", threads), threads, true);
        }

        private static int threadsFromProperty(String value) {
            if (value == null || value.isBlank()) {
                return Runtime.getRuntime().availableProcessors();
            }
            try {
                int threads = Integer.parseInt(value.trim());
                if (threads >= 1) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY
                    + " must be a positive integer, got '" + value + "'");
        }
    }
}
