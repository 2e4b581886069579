package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.Schema;
import dev.floe.scheduler.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Sorts one range of a sort, in memory while its rows fit the memory budget and as sorted runs on disk
 * once they do not:
 *
 * <pre>
 *   batches ─► buffer ──(buffer passes the budget)──► stable sort ─► run file 1, 2, ...
 *   end:       buffer ─► stable sort ─► the last run (kept in memory, or spilled too)
 *   consumer:  k-way merge of the runs, batch by batch ({@link MergeSource})
 * </pre>
 *
 * The result ({@link SortedRuns}) is merged by whoever reads it, so the merged range is never held
 * whole. Runs are numbered in input order and the merge breaks ties by run, so the sort is stable.
 */
final class ExternalSortSink implements PartitionSink<SortedRuns> {
    static final int OUTPUT_BATCH_ROWS = 32 * 1024;

    private final List<Sort.Key> keys;
    private final Schema schema;
    private final long budget;
    private final SpillSpace spill;
    private final BufferAllocator work;
    private final BufferAllocator output;
    private final MemoryPool pool;
    private long reserved;
    private final List<RunFile> runs = new ArrayList<>();
    private VectorSchemaRoot buffer;
    private final java.util.function.BooleanSupplier cancelled;

    /**
     * @param work the task's allocator (the buffer, the sort's scratch)
     * @param output the query's allocator (a last run kept in memory)
     * @param pool where the last run reserves its bytes to stay in memory until it is read (else it spills)
     * @param cancelled the task's cancel flag, polled inside the sort and between output batches
     */
    ExternalSortSink(List<Sort.Key> keys, Schema schema, long budget, SpillSpace spill, BufferAllocator work,
            BufferAllocator output, MemoryPool pool, java.util.function.BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        this.keys = keys;
        this.schema = schema;
        this.budget = budget;
        this.spill = spill;
        this.work = work;
        this.output = output;
        this.pool = pool;
        this.buffer = newBuffer();
    }

    private VectorSchemaRoot newBuffer() {
        VectorSchemaRoot b = VectorSchemaRoot.create(schema.toArrow(), work);
        b.allocateNew();
        return b;
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        if (batch.getRowCount() == 0) {
            return;
        }
        Vectors.append(batch, buffer);
        if (SpillableRows.bytes(buffer) > budget) {
            spillBuffer();
        }
    }

    private void spillBuffer() {
        int[] order = BatchSorter.order(buffer, schema, keys, work, cancelled);
        try (RunFile.Writer writer = new RunFile.Writer(spill, "sorted-run", schema.toArrow());
                VectorSchemaRoot chunk = VectorSchemaRoot.create(schema.toArrow(), work)) {
            for (int from = 0; from < order.length; from += OUTPUT_BATCH_ROWS) {
                PartitionPipeline.checkCancelled(cancelled);
                int n = Math.min(OUTPUT_BATCH_ROWS, order.length - from);
                Vectors.gather(buffer, java.util.Arrays.copyOfRange(order, from, from + n), n, chunk);
                writer.write(chunk);
            }
            runs.add(writer.finish());
        }
        buffer.close();
        buffer = newBuffer();
    }

    @Override
    public SortedRuns result() {
        long bytes = SpillableRows.bytes(buffer);
        if (buffer.getRowCount() > 0 && !pool.tryReserve(bytes)) {
            spillBuffer();
            return take(List.of());
        }
        reserved = buffer.getRowCount() > 0 ? bytes : 0;
        int[] order = BatchSorter.order(buffer, schema, keys, work, cancelled);
        List<VectorSchemaRoot> last = new ArrayList<>();
        try {
            for (int from = 0; from < order.length; from += OUTPUT_BATCH_ROWS) {
                PartitionPipeline.checkCancelled(cancelled);
                int n = Math.min(OUTPUT_BATCH_ROWS, order.length - from);
                VectorSchemaRoot chunk = VectorSchemaRoot.create(schema.toArrow(), output);
                last.add(chunk);
                Vectors.gather(buffer, java.util.Arrays.copyOfRange(order, from, from + n), n, chunk);
            }
            return take(last);
        } catch (RuntimeException e) {
            last.forEach(VectorSchemaRoot::close);
            throw e;
        }
    }

    private SortedRuns take(List<VectorSchemaRoot> last) {
        long r = reserved;
        reserved = 0;
        SortedRuns out = new SortedRuns(runs, last, keys, schema, () -> pool.release(r));
        runs.clear();
        return out;
    }

    @Override
    public void close() {
        pool.release(reserved);
        buffer.close();
        runs.forEach(RunFile::delete);
    }

    /** The task that sorts range {@code range}: reads that range of every split task's output, in order. */
    static SortedRuns sortRange(List<Object> splits, int range, List<Sort.Key> keys, Schema schema, long budget,
            SpillSpace space, BufferAllocator q, MemoryPool keep, TaskContext ctx) {
        try (BufferAllocator work = q.newChildAllocator(ctx.key(), 0, Long.MAX_VALUE);
                ExternalSortSink sink = new ExternalSortSink(keys, schema, budget, space, work, q, keep, ctx::isCancelled)) {
            long rows = 0;
            for (Object o : splits) {
                try (BatchSource source = ((SpilledBuckets) o).bucket(range).open(work)) {
                    while (source.next()) {
                        ctx.checkCancelled();
                        sink.accept(source.batch());
                        rows += source.batch().getRowCount();
                    }
                }
            }
            ctx.reportOutput(rows);
            return sink.result();
        }
    }

}
