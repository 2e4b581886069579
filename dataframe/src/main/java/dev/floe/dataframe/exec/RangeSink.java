package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The map side of a range-partitioned sort: copies each row into the range its key falls in (see
 * {@link RangeBounds}), keeping the rows' order within a range. When the rows held in memory pass the
 * memory budget, every range's rows are appended to that range's spill file and freed, so a partition
 * of any size passes through in bounded memory (see {@link SpillingSplit}).
 */
final class RangeSink implements PartitionSink<SpilledBuckets> {
    private final SortKeys keys;
    private final RangeBounds bounds;
    private final SpillingSplit split;

    /**
     * @param keyAllocator the task's allocator (for the key vectors)
     * @param allocator the query's allocator (for the rows handed on)
     */
    RangeSink(List<Sort.Key> sortKeys, Schema schema, RangeBounds bounds, int ranges, long budget, SpillSpace spill,
            MemoryPool pool, BufferAllocator keyAllocator, BufferAllocator allocator) {
        this.keys = new SortKeys(sortKeys, schema, keyAllocator);
        this.bounds = bounds;
        this.split = new SpillingSplit(ranges, "range-", schema.toArrow(), allocator, budget, spill, pool);
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        int n = batch.getRowCount();
        if (n == 0) {
            return;
        }
        keys.evaluate(batch);
        split.begin();
        for (int r = 0; r < n; r++) {
            split.add(bounds.rangeOf(keys, r), r);
        }
        split.cut(batch);
    }

    @Override
    public SpilledBuckets result() {
        return split.result();
    }

    @Override
    public void close() {
        keys.close();
        split.close();
    }
}
