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
 * memory only if the query's pool has room for them.
 */
final class BucketSink implements PartitionSink<SpilledBuckets> {
    private final List<ExprEvaluator> keys = new ArrayList<>();
    private final boolean singleLong;
    private final Schema schema;
    private final BufferAllocator allocator;
    private final List<List<VectorSchemaRoot>> buckets = new ArrayList<>();
    private final long budget;
    private final SpillSpace spill;
    private final MemoryPool pool;
    private final RunFile.Writer[] writers;
    private long heldBytes;
    private int[][] rows;
    private int[] counts;

    BucketSink(List<Expr> keyExprs, boolean singleLong, Schema schema, int bucketCount, long budget, SpillSpace spill,
            MemoryPool pool, BufferAllocator keyAllocator, BufferAllocator allocator) {
        this.singleLong = singleLong;
        this.budget = budget;
        this.spill = spill;
        this.pool = pool;
        this.writers = new RunFile.Writer[bucketCount];
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
            buckets.add(new ArrayList<>());
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
            heldBytes += SpillableRows.bytes(out);
        }
        if (heldBytes > budget) {
            spillHeld();
        }
    }

    private void spillHeld() {
        for (int b = 0; b < buckets.size(); b++) {
            List<VectorSchemaRoot> held = buckets.get(b);
            if (held.isEmpty()) {
                continue;
            }
            if (writers[b] == null) {
                writers[b] = new RunFile.Writer(spill, "shuffle-bucket-" + b, schema.toArrow());
            }
            for (VectorSchemaRoot v : held) {
                writers[b].write(v);
                v.close();
            }
            held.clear();
        }
        heldBytes = 0;
    }

    @Override
    public SpilledBuckets result() {
        if (heldBytes > 0 && !pool.tryReserve(heldBytes)) {
            spillHeld();
        }
        List<SpillableRows> out = new ArrayList<>();
        try {
            for (int b = 0; b < buckets.size(); b++) {
                List<RunFile> files = writers[b] == null ? List.of() : List.of(writers[b].finish());
                long bytes = 0;
                for (VectorSchemaRoot v : buckets.get(b)) {
                    bytes += SpillableRows.bytes(v);
                }
                long reserved = bytes;
                out.add(new SpillableRows(files, buckets.get(b), () -> pool.release(reserved)));
                buckets.get(b).clear();
            }
            return new SpilledBuckets(out);
        } catch (RuntimeException e) {
            out.forEach(SpillableRows::close);
            throw e;
        }
    }

    @Override
    public void close() {
        keys.forEach(ExprEvaluator::close);
        buckets.forEach(list -> list.forEach(VectorSchemaRoot::close));
        for (RunFile.Writer w : writers) {
            if (w != null) {
                w.close();
            }
        }
    }
}
