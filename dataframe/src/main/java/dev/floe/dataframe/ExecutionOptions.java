package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.Scheduler;

/**
 * How a frame's actions run: the scheduler that runs the task graph (the process-wide one unless a test
 * or a caller picks another) and {@code splitEvery}, the fan-in of the aggregation tree: how many partial
 * results one combine task merges (Dask's {@code split_every}, default 8, at least 2).
 */
public record ExecutionOptions(Scheduler scheduler, int splitEvery) {
    public static final int DEFAULT_SPLIT_EVERY = 8;

    public ExecutionOptions {
        requireNonNull(scheduler, "scheduler is null");
        if (splitEvery < 2) {
            throw new IllegalArgumentException("splitEvery must be at least 2, got " + splitEvery);
        }
    }

    public static ExecutionOptions defaults() {
        return new ExecutionOptions(Scheduler.shared(), DEFAULT_SPLIT_EVERY);
    }

    public ExecutionOptions withScheduler(Scheduler s) {
        return new ExecutionOptions(s, splitEvery);
    }

    public ExecutionOptions withSplitEvery(int n) {
        return new ExecutionOptions(scheduler, n);
    }
}
