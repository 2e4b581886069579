package dev.floe.dataframe.exec;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Copies every batch (up to {@code limit} rows in all) into batches allocated from the allocator it is
 * given, which must outlive the task: the query's allocator.
 */
public final class CollectSink implements PartitionSink<RowBatches> {
    private final Schema schema;
    private final BufferAllocator allocator;
    private final long limit;
    private RowBatches rows = new RowBatches();
    private long collected;

    public CollectSink(Schema schema, BufferAllocator allocator, long limit) {
        this.schema = schema;
        this.allocator = allocator;
        this.limit = limit;
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        if (collected >= limit || batch.getRowCount() == 0) {
            return;
        }
        VectorSchemaRoot copy = Vectors.copy(batch, schema, allocator);
        rows.add(copy);
        if (collected + copy.getRowCount() > limit) {
            copy.setRowCount((int) (limit - collected));
            for (var v : copy.getFieldVectors()) {
                v.setValueCount(copy.getRowCount());
            }
        }
        collected += copy.getRowCount();
    }

    @Override
    public boolean isSatisfied() {
        return collected >= limit;
    }

    @Override
    public RowBatches result() {
        RowBatches out = rows;
        rows = new RowBatches();
        return out;
    }

    @Override
    public void close() {
        rows.close();
    }
}
