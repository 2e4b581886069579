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
 * nothing, but a LEFT or ANTI join still returns them). Past {@code budget} bytes held, every bucket's
 * rows are appended to that bucket's spill file and freed; at the end, the rows still held stay in
 * memory only if the query's pool has room for them (see {@link SpillingSplit}).
 */
final class BucketSink implements PartitionSink<SpilledBuckets> {
    private final List<ExprEvaluator> keys = new ArrayList<>();
    private final boolean singleLong;
    private final SpillingSplit split;

    BucketSink(List<Expr> keyExprs, boolean singleLong, Schema schema, int bucketCount, long budget, SpillSpace spill,
            MemoryPool pool, BufferAllocator keyAllocator, BufferAllocator allocator) {
        this.singleLong = singleLong;
        try {
            for (Expr k : keyExprs) {
                keys.add(ExprEvaluator.compile(k, schema, keyAllocator));
            }
        } catch (RuntimeException e) {
            keys.forEach(ExprEvaluator::close);
            throw e;
        }
        this.split = new SpillingSplit(bucketCount, "shuffle-bucket-", schema.toArrow(), allocator, budget, spill,
                pool);
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        int n = batch.getRowCount();
        FieldVector[] k = new FieldVector[keys.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = keys.get(i).evaluate(batch);
        }
        split.begin();
        int bucketCount = split.outputs();
        for (int r = 0; r < n; r++) {
            split.add(JoinKeys.isNull(k, r) ? 0 : JoinKeys.bucketOf(JoinKeys.hash(k, r, singleLong), bucketCount), r);
        }
        split.cut(batch);
    }

    @Override
    public SpilledBuckets result() {
        return split.result();
    }

    @Override
    public void close() {
        keys.forEach(ExprEvaluator::close);
        split.close();
    }
}
