package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.Schema;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Orders the rows of a batch by sort keys: a stable merge sort of row indices, comparing the evaluated
 * key vectors without boxing, in the order {@link SortKeys} defines.
 */
final class BatchSorter {
    private BatchSorter() {
    }

    /** The rows' order; {@code cancelled} is polled every 64K comparisons (a large sort takes seconds). */
    static int[] order(VectorSchemaRoot batch, Schema schema, List<Sort.Key> keys, BufferAllocator allocator,
            java.util.function.BooleanSupplier cancelled) {
        try (SortKeys k = new SortKeys(keys, schema, allocator)) {
            k.evaluate(batch);
            int[] rows = new int[batch.getRowCount()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
            }
            int[] comparisons = {0};
            IntArrays.mergeSort(rows, (a, b) -> {
                if ((++comparisons[0] & 0xFFFF) == 0) {
                    PartitionPipeline.checkCancelled(cancelled);
                }
                return k.compare(a, k, b);
            });
            return rows;
        }
    }
}
