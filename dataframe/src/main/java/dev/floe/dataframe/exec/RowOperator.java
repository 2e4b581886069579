package dev.floe.dataframe.exec;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A row-wise step of a partition pipeline (filter, project): one batch in, one batch out.
 *
 * <p>Protocol: {@link #apply} is called once per batch, from one thread at a time. The returned batch is
 * either the input itself, or a batch owned by this operator that stays valid until the next
 * {@code apply} or {@link #close}; the caller never closes it. {@code close} frees everything the
 * operator allocated.
 */
public interface RowOperator extends AutoCloseable {
    VectorSchemaRoot apply(VectorSchemaRoot input);

    @Override
    void close();
}
