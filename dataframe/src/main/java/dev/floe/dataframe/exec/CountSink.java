package dev.floe.dataframe.exec;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Counts rows. */
public final class CountSink implements PartitionSink<Long> {
    private long rows;

    @Override
    public void accept(VectorSchemaRoot batch) {
        rows += batch.getRowCount();
    }

    @Override
    public Long result() {
        return rows;
    }

    @Override
    public void close() {
    }
}
