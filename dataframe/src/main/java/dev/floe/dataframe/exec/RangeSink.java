package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The map side of a range-partitioned sort: copies each row into the range its key falls in (see
 * {@link RangeBounds}), keeping the rows' order within a range. When the rows held in memory pass the
 * memory budget, every range's rows are appended to that range's spill file and freed, so a partition
 * of any size passes through in bounded memory.
 */
final class RangeSink implements PartitionSink<SpilledBuckets> {
    private final SortKeys keys;
    private final RangeBounds bounds;
    private final org.apache.arrow.vector.types.pojo.Schema arrow;
    private final BufferAllocator allocator;
    private final long budget;
    private final SpillSpace spill;
    private final MemoryPool pool;
    private final List<List<VectorSchemaRoot>> held = new ArrayList<>();
    private final RunFile.Writer[] writers;
    private long heldBytes;
    private int[][] rows;
    private int[] counts;

    /**
     * @param keyAllocator the task's allocator (for the key vectors)
     * @param allocator the query's allocator (for the rows handed on)
     */
    RangeSink(List<Sort.Key> sortKeys, Schema schema, RangeBounds bounds, int ranges, long budget, SpillSpace spill,
            MemoryPool pool, BufferAllocator keyAllocator, BufferAllocator allocator) {
        this.pool = pool;
        this.keys = new SortKeys(sortKeys, schema, keyAllocator);
        this.bounds = bounds;
        this.arrow = schema.toArrow();
        this.allocator = allocator;
        this.budget = budget;
        this.spill = spill;
        this.writers = new RunFile.Writer[ranges];
        for (int i = 0; i < ranges; i++) {
            held.add(new ArrayList<>());
        }
        rows = new int[ranges][16];
        counts = new int[ranges];
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        int n = batch.getRowCount();
        if (n == 0) {
            return;
        }
        keys.evaluate(batch);
        java.util.Arrays.fill(counts, 0);
        for (int r = 0; r < n; r++) {
            int b = bounds.rangeOf(keys, r);
            if (counts[b] == rows[b].length) {
                rows[b] = java.util.Arrays.copyOf(rows[b], rows[b].length * 2);
            }
            rows[b][counts[b]++] = r;
        }
        for (int b = 0; b < held.size(); b++) {
            if (counts[b] == 0) {
                continue;
            }
            VectorSchemaRoot out = VectorSchemaRoot.create(arrow, allocator);
            held.get(b).add(out);
            Vectors.gather(batch, rows[b], counts[b], out);
            heldBytes += SpillableRows.bytes(out);
        }
        if (heldBytes > budget) {
            spillHeld();
        }
    }

    private void spillHeld() {
        for (int b = 0; b < held.size(); b++) {
            List<VectorSchemaRoot> batches = held.get(b);
            if (batches.isEmpty()) {
                continue;
            }
            if (writers[b] == null) {
                writers[b] = new RunFile.Writer(spill, "range-" + b, arrow);
            }
            for (VectorSchemaRoot v : batches) {
                writers[b].write(v);
                v.close();
            }
            batches.clear();
        }
        heldBytes = 0;
    }

    @Override
    public SpilledBuckets result() {
        // what stays in memory until the range sorts read it counts against the query's pool
        if (heldBytes > 0 && !pool.tryReserve(heldBytes)) {
            spillHeld();
        }
        List<SpillableRows> out = new ArrayList<>();
        try {
            for (int b = 0; b < held.size(); b++) {
                List<RunFile> files = writers[b] == null ? List.of() : List.of(writers[b].finish());
                long bytes = 0;
                for (VectorSchemaRoot v : held.get(b)) {
                    bytes += SpillableRows.bytes(v);
                }
                long reserved = bytes;
                out.add(new SpillableRows(files, held.get(b), () -> pool.release(reserved)));
                held.get(b).clear();
            }
            return new SpilledBuckets(out);
        } catch (RuntimeException e) {
            out.forEach(SpillableRows::close);
            throw e;
        }
    }

    @Override
    public void close() {
        keys.close();
        held.forEach(list -> list.forEach(VectorSchemaRoot::close));
        for (RunFile.Writer w : writers) {
            if (w != null) {
                w.close();
            }
        }
    }
}
