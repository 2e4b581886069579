package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a {@link SortedRuns} in sort order: a k-way merge of its runs, streaming — one batch of each
 * run and one output batch in memory at a time. Equal keys come out in run order (the sort is stable).
 * A single run is passed through as it is.
 */
final class MergeSource implements BatchSource {
    private final List<Cursor> cursors = new ArrayList<>();
    private final PriorityQueue<Cursor> heap;
    private final VectorSchemaRoot out;
    private final BatchSource single;

    MergeSource(SortedRuns runs, List<Sort.Key> keys, Schema schema, BufferAllocator allocator) {
        List<BatchSource> sources = new ArrayList<>();
        for (RunFile f : runs.files()) {
            sources.add(f.open(allocator));
        }
        if (!runs.memory().isEmpty()) {
            sources.add(PartitionRunner.listSource(runs.memory()));
        }
        heap = new PriorityQueue<>((a, b) -> {
            int c = a.keys.compare(a.row, b.keys, b.row);
            return c != 0 ? c : Integer.compare(a.run, b.run);
        });
        if (sources.size() <= 1) {
            single = sources.isEmpty() ? PartitionRunner.listSource(List.of()) : sources.get(0);
            out = null;
            return;
        }
        single = null;
        try {
            for (int i = 0; i < sources.size(); i++) {
                Cursor c = new Cursor(i, sources.get(i), new SortKeys(keys, schema, allocator));
                cursors.add(c);
                if (c.advanceBatch()) {
                    heap.add(c);
                }
            }
            out = VectorSchemaRoot.create(schema.toArrow(), allocator);
        } catch (RuntimeException e) {
            cursors.forEach(c -> c.keys.close());
            close(sources);
            throw e;
        }
    }

    @Override
    public boolean next() {
        if (single != null) {
            return single.next();
        }
        List<FieldVector> dst = out.getFieldVectors();
        dst.forEach(FieldVector::reset);
        int n = 0;
        while (n < ExternalSortSink.OUTPUT_BATCH_ROWS && !heap.isEmpty()) {
            Cursor c = heap.poll();
            List<FieldVector> src = c.batch.getFieldVectors();
            for (int col = 0; col < src.size(); col++) {
                dst.get(col).copyFromSafe(c.row, n, src.get(col));
            }
            n++;
            c.row++;
            if (c.row < c.batch.getRowCount() || c.advanceBatch()) {
                heap.add(c);
            }
        }
        for (FieldVector v : dst) {
            v.setValueCount(n);
        }
        out.setRowCount(n);
        return n > 0;
    }

    @Override
    public VectorSchemaRoot batch() {
        return single != null ? single.batch() : out;
    }

    @Override
    public void close() {
        if (single != null) {
            single.close();
            return;
        }
        for (Cursor c : cursors) {
            c.keys.close();
            c.source.close();
        }
        out.close();
    }

    private static void close(List<BatchSource> sources) {
        sources.forEach(BatchSource::close);
    }

    /** One run being read: its current batch, that batch's keys, the next row. */
    private static final class Cursor {
        final int run;
        final BatchSource source;
        final SortKeys keys;
        VectorSchemaRoot batch;
        int row;

        Cursor(int run, BatchSource source, SortKeys keys) {
            this.run = run;
            this.source = source;
            this.keys = keys;
        }

        /** Moves to the next non-empty batch; false at the end of the run. */
        boolean advanceBatch() {
            while (source.next()) {
                batch = source.batch();
                if (batch.getRowCount() > 0) {
                    keys.evaluate(batch);
                    row = 0;
                    return true;
                }
            }
            return false;
        }
    }
}
