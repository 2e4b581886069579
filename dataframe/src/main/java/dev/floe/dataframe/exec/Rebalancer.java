package dev.floe.dataframe.exec;

import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Spreads rows, in order, over a number of buckets of about equal size: for {@code repartition(n)}. */
final class Rebalancer {
    private Rebalancer() {
    }

    static Buckets split(List<Object> parts, Schema schema, int n, BufferAllocator allocator) {
        long total = 0;
        for (Object p : parts) {
            total += ((RowBatches) p).rowCount();
        }
        List<RowBatches> buckets = new ArrayList<>();
        try {
            long row = 0;
            int bucket = 0;
            VectorSchemaRoot current = null;
            for (int b = 0; b < n; b++) {
                buckets.add(new RowBatches());
            }
            for (Object p : parts) {
                for (VectorSchemaRoot batch : ((RowBatches) p).batches()) {
                    int at = 0;
                    while (at < batch.getRowCount()) {
                        while (row >= (bucket + 1) * total / n) {
                            bucket++;
                            current = null;
                        }
                        long bucketEnd = (bucket + 1) * total / n;
                        int take = (int) Math.min(batch.getRowCount() - at, bucketEnd - row);
                        if (current == null) {
                            current = VectorSchemaRoot.create(schema.toArrow(), allocator);
                            buckets.get(bucket).add(current);
                            current.allocateNew();
                        }
                        Vectors.appendRange(batch, at, take, current);
                        at += take;
                        row += take;
                    }
                }
            }
            return new Buckets(buckets);
        } catch (RuntimeException e) {
            buckets.forEach(RowBatches::close);
            throw e;
        }
    }
}
