package dev.floe.dataframe.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The rows a partition produced, as batches that this object owns until it is closed. */
public final class RowBatches implements AutoCloseable {
    private final List<VectorSchemaRoot> batches = new ArrayList<>();

    static RowBatches of(VectorSchemaRoot batch) {
        RowBatches b = new RowBatches();
        b.add(batch);
        return b;
    }

    void add(VectorSchemaRoot batch) {
        batches.add(batch);
    }

    public List<VectorSchemaRoot> batches() {
        return batches;
    }

    public long rowCount() {
        long n = 0;
        for (VectorSchemaRoot b : batches) {
            n += b.getRowCount();
        }
        return n;
    }

    @Override
    public void close() {
        for (VectorSchemaRoot b : batches) {
            b.close();
        }
        batches.clear();
    }
}
