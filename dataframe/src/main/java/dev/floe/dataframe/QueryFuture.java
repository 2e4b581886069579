package dev.floe.dataframe;

/**
 * A query running in the background: {@link DataFrame#computeAsync()}. {@link #get()} waits for its
 * result; {@link #cancel()} stops its tasks and frees its memory. Either way the query's memory is
 * released by the time the call returns.
 */
public interface QueryFuture<T> {
    /** Waits for the result; throws the query's failure, or a CancelledException after a cancel. */
    T get();

    /** Stops the query: no new tasks start, running ones see the cancellation at their next batch. */
    boolean cancel();

    boolean isDone();
}
