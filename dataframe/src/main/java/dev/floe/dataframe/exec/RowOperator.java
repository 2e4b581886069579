package dev.floe.dataframe.exec;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A row-wise step of a partition pipeline (filter, project, join probe): one batch in, one or more
 * batches out.
 *
 * <p>Protocol: {@link #apply} is called once per batch, from one thread at a time, and returns the first
 * (never null) output batch for it; then {@link #more} is called until it returns null, each call
 * giving the next output batch for the same input (most operators have none: one batch in, one out).
 * The caller may stop calling {@code more} early (a satisfied sink, a cancel) and {@code apply} the
 * next input. A returned batch is either the input itself, or a batch owned by this operator that
 * stays valid until the next {@code apply}, {@code more} or {@link #close}; the caller never closes it.
 * The input stays valid until the operator's outputs for it have been read. {@code close} frees
 * everything the operator allocated.
 */
public interface RowOperator extends AutoCloseable {
    VectorSchemaRoot apply(VectorSchemaRoot input);

    /** The next output batch for the last input, or null when there is none. */
    default VectorSchemaRoot more() {
        return null;
    }

    @Override
    void close();
}
