package dev.floe.scheduler;

/**
 * Observes one {@link Computation}. Called on the scheduler's threads (on the caller's thread for
 * {@link Scheduler#synchronous()}), possibly concurrently for different tasks, so implementations
 * must be thread-safe and quick. An exception thrown by a listener is logged and otherwise ignored.
 *
 * <p>Order: {@code started} first, once, when the listener is registered on a running computation;
 * then {@code taskStarted}, any number of {@code progress}, then {@code taskFinished} for each task
 * that succeeds while the computation is running; {@code done} exactly once, after every
 * {@code taskFinished} of a successful computation. After a failure or cancellation no new
 * {@code taskStarted} follows {@code done}. A listener added after the computation ended receives
 * only {@code done}, at once.
 */
public interface ProgressListener {

    /** Registered on a running computation: its state at that moment (tasks total, done so far...). */
    default void started(ProgressSnapshot snapshot) {}

    default void taskStarted(String key, String kind) {}

    /**
     * A task reported rows and bytes ({@link TaskContext#reportProgress}); negative when a failed
     * attempt that will be retried is taken back. Called on the task's thread, once per batch: keep it cheap.
     */
    default void progress(long rowsDelta, long bytesDelta) {}

    /** The task returned normally after {@code nanos} nanoseconds of wall time. */
    default void taskFinished(String key, String kind, long nanos) {}

    /**
     * The computation ended: {@code success} is false after a failure or cancellation. Every listener has
     * returned from this before the computation's {@code get} returns (to any thread but the one calling it).
     */
    default void done(boolean success) {}
}
