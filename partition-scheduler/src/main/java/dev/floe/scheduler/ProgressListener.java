package dev.floe.scheduler;

/**
 * Observes one {@link Computation}. Called on the scheduler's threads (on the caller's thread for
 * {@link Scheduler#synchronous()}), possibly concurrently for different tasks, so implementations
 * must be thread-safe and quick. An exception thrown by a listener is logged and otherwise ignored.
 *
 * <p>Order: {@code taskStarted} then {@code taskFinished} for each task that succeeds while the
 * computation is running; {@code done} exactly once, after every {@code taskFinished} of a successful
 * computation. After a failure or cancellation no new {@code taskStarted} follows {@code done}.
 * A listener added after the computation ended receives {@code done} at once.
 */
public interface ProgressListener {

    default void taskStarted(String key, String kind) {}

    /** The task returned normally after {@code nanos} nanoseconds of wall time. */
    default void taskFinished(String key, String kind, long nanos) {}

    /** The computation ended: {@code success} is false after a failure or cancellation. */
    default void done(boolean success) {}
}
