package dev.floe.dataframe.exec;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Where a pipeline's batches come from: a split of a CSV file, or a table already in memory. */
public interface BatchSource extends AutoCloseable {
    /** Moves to the next batch; false when there are no more. */
    boolean next();

    /** The current batch, owned by the source and valid until the next {@link #next} or {@link #close}. */
    VectorSchemaRoot batch();

    @Override
    void close();

    /** A source of one batch that the caller keeps owning. */
    static BatchSource of(VectorSchemaRoot batch) {
        return new BatchSource() {
            private boolean done;

            @Override
            public boolean next() {
                boolean first = !done;
                done = true;
                return first;
            }

            @Override
            public VectorSchemaRoot batch() {
                return batch;
            }

            @Override
            public void close() {
            }
        };
    }
}
