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
}
