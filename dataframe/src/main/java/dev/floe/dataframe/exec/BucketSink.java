package dev.floe.dataframe.exec;

import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The map side of a shuffle: copies each row into the bucket its key hashes to, so that rows with equal
 * keys from every partition meet in one bucket. Rows with a NULL key part go to bucket 0 (they match
 * nothing, but a LEFT or ANTI join still returns them).
 */
final class BucketSink implements PartitionSink<Buckets> {
    private final List<ExprEvaluator> keys = new ArrayList<>();
    private final boolean singleLong;
    private final Schema schema;
    private final BufferAllocator allocator;
    private final List<RowBatches> buckets = new ArrayList<>();
    private int[][] rows;
    private int[] counts;

    BucketSink(List<Expr> keyExprs, boolean singleLong, Schema schema, int bucketCount, BufferAllocator keyAllocator,
            BufferAllocator allocator) {
        this.singleLong = singleLong;
        this.schema = schema;
        this.allocator = allocator;
        try {
            for (Expr k : keyExprs) {
                keys.add(ExprEvaluator.compile(k, schema, keyAllocator));
            }
        } catch (RuntimeException e) {
            keys.forEach(ExprEvaluator::close);
            throw e;
        }
        for (int b = 0; b < bucketCount; b++) {
            buckets.add(new RowBatches());
        }
        rows = new int[bucketCount][16];
        counts = new int[bucketCount];
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        int n = batch.getRowCount();
        FieldVector[] k = new FieldVector[keys.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = keys.get(i).evaluate(batch);
        }
        java.util.Arrays.fill(counts, 0);
        int bucketCount = buckets.size();
        for (int r = 0; r < n; r++) {
            int b = JoinKeys.isNull(k, r) ? 0 : JoinKeys.bucketOf(JoinKeys.hash(k, r, singleLong), bucketCount);
            if (counts[b] == rows[b].length) {
                rows[b] = java.util.Arrays.copyOf(rows[b], rows[b].length * 2);
            }
            rows[b][counts[b]++] = r;
        }
        for (int b = 0; b < bucketCount; b++) {
            if (counts[b] == 0) {
                continue;
            }
            VectorSchemaRoot out = VectorSchemaRoot.create(schema.toArrow(), allocator);
            buckets.get(b).add(out);
            Vectors.gather(batch, rows[b], counts[b], out);
        }
    }

    @Override
    public Buckets result() {
        Buckets out = new Buckets(buckets);
        buckets.clear();
        return out;
    }

    @Override
    public void close() {
        keys.forEach(ExprEvaluator::close);
        buckets.forEach(RowBatches::close);
    }
}
