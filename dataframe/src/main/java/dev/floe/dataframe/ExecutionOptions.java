package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.SubmitOptions;

/**
 * How a frame's actions run.
 *
 * @param scheduler the scheduler that runs the task graph (the process-wide one unless a caller picks another)
 * @param splitEvery the fan-in of aggregation trees: how many partial results one combine task merges
 *     (Dask's {@code split_every}; default 8, at least 2; {@link #NO_TREE} merges all in one task)
 * @param memoryLimit the most off-heap (Arrow) memory one query may hold at once, in bytes; past it the
 *     query fails with a message saying so, and the process carries on
 * @param broadcastThreshold a join whose right side reads at most this many bytes sends that side whole
 *     to every partition of the left; larger right sides are joined by shuffling both sides
 * @param shufflePartitions how many buckets a shuffle (a join's, or a large aggregation's) spreads rows over
 * @param splitOutGroups an aggregation whose merged partial result passes this many groups continues
 *     hash-partitioned into {@code shufflePartitions} buckets, merged in parallel, instead of funnelling
 *     every group through one task
 * @param retries how many times a task that failed with a transient I/O error is run again (default 0)
 * @param listener told of every task and of rows and bytes read, or null (a progress bar, a Java callback)
 * @param spill where and past how many bytes sorts and shuffle joins spill to local disk ({@link SpillOptions})
 */
public record ExecutionOptions(Scheduler scheduler, int splitEvery, long memoryLimit, long broadcastThreshold,
        int shufflePartitions, long splitOutGroups, int retries, ProgressListener listener,
        SpillOptions spill) {
    public static final int DEFAULT_SPLIT_EVERY = 8;
    public static final int NO_TREE = Integer.MAX_VALUE;

    public ExecutionOptions {
        requireNonNull(scheduler, "scheduler is null");
        requireNonNull(spill, "spill is null");
        if (splitEvery < 2) {
            throw new IllegalArgumentException("splitEvery must be at least 2, got " + splitEvery);
        }
        if (memoryLimit <= 0) {
            throw new IllegalArgumentException("memoryLimit must be positive, got " + memoryLimit);
        }
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be at least 1, got " + shufflePartitions);
        }
    }

    public static ExecutionOptions defaults() {
        return new ExecutionOptions(Scheduler.shared(), DEFAULT_SPLIT_EVERY, Long.MAX_VALUE, 64L << 20,
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 250_000, 0, null, SpillOptions.defaults());
    }

    public ExecutionOptions withScheduler(Scheduler s) {
        return new ExecutionOptions(s, splitEvery, memoryLimit, broadcastThreshold, shufflePartitions, splitOutGroups, retries, listener, spill);
    }

    public ExecutionOptions withSplitEvery(int n) {
        return new ExecutionOptions(scheduler, n, memoryLimit, broadcastThreshold, shufflePartitions, splitOutGroups, retries, listener, spill);
    }

    public ExecutionOptions withMemoryLimit(long bytes) {
        return new ExecutionOptions(scheduler, splitEvery, bytes, broadcastThreshold, shufflePartitions, splitOutGroups, retries, listener, spill);
    }

    public ExecutionOptions withBroadcastThreshold(long bytes) {
        return new ExecutionOptions(scheduler, splitEvery, memoryLimit, bytes, shufflePartitions, splitOutGroups, retries, listener, spill);
    }

    public ExecutionOptions withSplitOutGroups(long groups) {
        return new ExecutionOptions(scheduler, splitEvery, memoryLimit, broadcastThreshold, shufflePartitions, groups, retries, listener, spill);
    }

    public ExecutionOptions withRetries(int n) {
        return new ExecutionOptions(scheduler, splitEvery, memoryLimit, broadcastThreshold, shufflePartitions,
                splitOutGroups, n, listener, spill);
    }

    public ExecutionOptions withListener(ProgressListener l) {
        return new ExecutionOptions(scheduler, splitEvery, memoryLimit, broadcastThreshold, shufflePartitions,
                splitOutGroups, retries, l, spill);
    }

    /**
     * How a query's graph is submitted: at most twice as many partition tasks in flight as the
     * scheduler has threads (so memory in flight stays bounded whatever the input's size), the retries,
     * and the listener.
     */
    public SubmitOptions submitOptions() {
        SubmitOptions o = SubmitOptions.defaults().withMaxTasksInFlight(Math.max(2, 2 * scheduler.threads()))
                .withRetries(retries);
        return listener == null ? o : o.withListener(listener);
    }

    public ExecutionOptions withShufflePartitions(int n) {
        return new ExecutionOptions(scheduler, splitEvery, memoryLimit, broadcastThreshold, n, splitOutGroups, retries, listener, spill);
    }

    public ExecutionOptions withSpill(SpillOptions s) {
        return new ExecutionOptions(scheduler, splitEvery, memoryLimit, broadcastThreshold, shufflePartitions,
                splitOutGroups, retries, listener, s);
    }

    /** The local directory under which queries spill (default {@code java.io.tmpdir}). */
    public ExecutionOptions withSpillDirectory(java.nio.file.Path directory) {
        return withSpill(new SpillOptions(directory, spill.sortMemoryBudget(), spill.joinMemoryBudget()));
    }

    /** Bytes of rows a sort task holds before it spills a sorted run (default 256 MiB). */
    public ExecutionOptions withSortMemoryBudget(long bytes) {
        return withSpill(new SpillOptions(spill.directory(), bytes, spill.joinMemoryBudget()));
    }

    /** Bytes of build rows a shuffle join's bucket holds before it is joined grace-style from disk (default 256 MiB). */
    public ExecutionOptions withJoinMemoryBudget(long bytes) {
        return withSpill(new SpillOptions(spill.directory(), spill.sortMemoryBudget(), bytes));
    }
}
