package dev.floe.dataframe;

import dev.floe.dataframe.plan.InMemoryData;
import dev.floe.expressions.Schema;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows without columns, as one partition of one batch ({@link Floe#oneRow}). A batch without vectors
 * has no buffers, so this holds no Arrow memory and needs no closing: each read gets a fresh, empty
 * batch of {@link #rows} rows.
 */
record NoColumns(int rows) implements InMemoryData {
    NoColumns {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, not " + rows);
        }
    }

    @Override
    public Schema schema() {
        return new Schema(List.of());
    }

    @Override
    public List<VectorSchemaRoot> partition(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException("rows without columns are one partition; no partition " + i);
        }
        return List.of(new VectorSchemaRoot(new org.apache.arrow.vector.types.pojo.Schema(List.of()), List.of(), rows));
    }

    @Override
    public int partitions() {
        return 1;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public String describe() {
        return rows == 1 ? "one row, no columns" : rows + " rows, no columns";
    }
}
