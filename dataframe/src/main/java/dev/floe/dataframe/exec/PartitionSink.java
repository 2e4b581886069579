package dev.floe.dataframe.exec;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The end of a partition pipeline: folds batches into a partition's result.
 *
 * <p>Protocol: {@link #accept} once per batch (it must copy anything it keeps: the batch is reused);
 * then {@link #result} once, which hands the result (and whatever memory it holds) to the caller; then
 * {@link #close}, which frees whatever was not handed over. A pipeline may stop feeding batches early
 * once {@link #isSatisfied} says the sink needs no more.
 */
public interface PartitionSink<R> extends AutoCloseable {
    void accept(VectorSchemaRoot batch);

    default boolean isSatisfied() {
        return false;
    }

    R result();

    @Override
    void close();
}
