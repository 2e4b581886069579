package dev.floe.scheduler;

/**
 * The state of a {@link Computation} at one moment: {@link Computation#progress()}.
 *
 * @param tasksDone    tasks that have finished successfully
 * @param tasksTotal   tasks of the computation (its graph culled to the outputs)
 * @param tasksRunning tasks running now
 * @param rows         rows reported by its tasks through {@link TaskContext#reportProgress}
 * @param bytes        bytes reported likewise
 * @param elapsedNanos since the computation was submitted (until it ended, once it has)
 * @param etaNanos     estimated time to the end, {@code elapsed * (total - done) / done}; -1 while
 *                     no task has finished; 0 once all have
 */
public record ProgressSnapshot(int tasksDone, int tasksTotal, int tasksRunning, long rows, long bytes,
                               long elapsedNanos, long etaNanos) {

    /** The ETA estimate from tasks done versus total; -1 if {@code tasksDone == 0} and work is left. */
    public static long estimateEta(int tasksDone, int tasksTotal, long elapsedNanos) {
        if (tasksDone >= tasksTotal) {
            return 0;
        }
        if (tasksDone <= 0) {
            return -1;
        }
        return (long) ((double) elapsedNanos * (tasksTotal - tasksDone) / tasksDone);
    }

    /** Fraction of tasks done, 0 to 1 (1 for an empty computation). */
    public double fractionDone() {
        return tasksTotal == 0 ? 1.0 : (double) tasksDone / tasksTotal;
    }
}
