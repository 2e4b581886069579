package dev.floe.dataframe.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Cuts each batch's rows into a fixed number of numbered outputs, keeping the rows' order within an
 * output, and spills past a memory budget: the map side shared by the shuffle ({@link BucketSink}) and
 * the range-partitioned sort ({@link RangeSink}), which differ only in how a row's output is chosen.
 *
 * <p>Per batch the caller calls {@link #begin()}, then {@link #add(int, int)} for every row, then
 * {@link #cut(VectorSchemaRoot)}. The rows copied out are held in memory; when the bytes held pass
 * {@code budget}, every output's rows are appended to that output's spill file and freed. At the end,
 * {@link #result()} keeps the rows still held in memory only if the query's pool has room for them.
 * Owns the held batches and the spill writers until {@link #result()} hands them on or
 * {@link #close()} frees them.
 */
final class SpillingSplit implements AutoCloseable {
    private final String spillName;
    private final org.apache.arrow.vector.types.pojo.Schema arrow;
    private final BufferAllocator allocator;
    private final long budget;
    private final SpillSpace spill;
    private final MemoryPool pool;
    private final List<List<VectorSchemaRoot>> held = new ArrayList<>();
    private final RunFile.Writer[] writers;
    private final int[][] rows;
    private final int[] counts;
    private long heldBytes;

    /**
     * @param spillName the spill files' names start with this, then the output's number
     * @param allocator the query's allocator (for the rows handed on)
     */
    SpillingSplit(int outputs, String spillName, org.apache.arrow.vector.types.pojo.Schema arrow,
            BufferAllocator allocator, long budget, SpillSpace spill, MemoryPool pool) {
        this.spillName = spillName;
        this.arrow = arrow;
        this.allocator = allocator;
        this.budget = budget;
        this.spill = spill;
        this.pool = pool;
        this.writers = new RunFile.Writer[outputs];
        for (int i = 0; i < outputs; i++) {
            held.add(new ArrayList<>());
        }
        rows = new int[outputs][16];
        counts = new int[outputs];
    }

    int outputs() {
        return held.size();
    }

    /** Starts a batch: no row is in any output yet. */
    void begin() {
        Arrays.fill(counts, 0);
    }

    /** Puts row {@code row} of the current batch into output {@code output} (rows in ascending order). */
    void add(int output, int row) {
        if (counts[output] == rows[output].length) {
            rows[output] = Arrays.copyOf(rows[output], rows[output].length * 2);
        }
        rows[output][counts[output]++] = row;
    }

    /** Copies the rows added since {@link #begin()} out of {@code batch}, spilling if past the budget. */
    void cut(VectorSchemaRoot batch) {
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
                writers[b] = new RunFile.Writer(spill, spillName + b, arrow);
            }
            for (VectorSchemaRoot v : batches) {
                writers[b].write(v);
                v.close();
            }
            batches.clear();
        }
        heldBytes = 0;
    }

    /** Every output's rows, in files and (what the query's pool has room for) in memory. */
    SpilledBuckets result() {
        // what stays in memory until the readers read it counts against the query's pool
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
        held.forEach(list -> list.forEach(VectorSchemaRoot::close));
        for (RunFile.Writer w : writers) {
            if (w != null) {
                w.close();
            }
        }
    }
}
