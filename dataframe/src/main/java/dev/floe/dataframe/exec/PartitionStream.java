package dev.floe.dataframe.exec;

import dev.floe.dataframe.ExecutionOptions;
import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.scheduler.Computation;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A frame's rows, partition by partition, computed as they are read: partition i+1 is computed while
 * the caller reads partition i, and nothing later is started. Memory in flight is about two partitions,
 * whatever the frame's size. Used by {@code head(n)} (which stops after the partitions it needs) and by
 * {@code toBatches()}.
 *
 * <p>Protocol: {@link #next()} until it returns false; {@link #batches()} are valid until the next
 * {@code next()} or {@link #close()}; always close.
 */
public final class PartitionStream implements AutoCloseable {
    private final ExecutionOptions options;
    private final BufferAllocator allocator;
    private final QueryPlanner planner;
    private final QueryPlanner.Planned planned;
    private final List<String> keys;
    private boolean budgetChecked;
    private int next;
    private Computation prefetch;
    /** The partition {@link #prefetch} computes (not always {@code next}: a failed next() does not advance). */
    private int prefetched;
    private RowBatches current;

    public PartitionStream(LogicalPlan plan, ExecutionOptions options, BufferAllocator root, long limitPerPartition) {
        this.options = options;
        this.allocator = root.newChildAllocator("stream-" + System.nanoTime(), 0, options.memoryLimit());
        try {
            this.planner = new QueryPlanner(options, allocator);
            this.planned = planner.partitions(plan, limitPerPartition);
            this.keys = planned.partitions() == 0 ? List.of() : Arrays.asList(planned.output().split(","));
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    public int partitions() {
        return keys.size();
    }

    /**
     * Moves to the next partition; false after the last (first checking a max_rejects fraction on the final
     * totals: a stream read to its end is a whole query).
     */
    public boolean next() {
        closeCurrent();
        if (next >= keys.size()) {
            if (!budgetChecked) {
                budgetChecked = true;
                planner.checkRejectBudget();
            }
            return false;
        }
        Computation c = prefetch != null ? prefetch : submit(next);
        prefetch = next + 1 < keys.size() ? submit(next + 1) : null;
        prefetched = next + 1;
        try {
            current = (RowBatches) c.get().get(keys.get(next));
        } catch (RuntimeException e) {
            quiesce(c);
            throw e;
        }
        next++;
        return true;
    }

    /**
     * What the stream's scans have read and rejected so far (exact once it is closed): for a result built from
     * {@code partitions} of its partitions in {@code nanos}.
     */
    public QueryMetrics metrics(int partitions, long nanos) {
        return new QueryMetrics(planner.rowsRead(), planner.bytesRead(), partitions, partitions, nanos, null, null,
                planner.rowsRejected(), planner.rejects());
    }

    /** The current partition's batches. */
    public List<VectorSchemaRoot> batches() {
        return current.batches();
    }

    private Computation submit(int i) {
        return options.scheduler().submit(planned.graph(), List.of(keys.get(i)), options.submitOptions());
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private static void quiesce(Computation c) {
        try {
            c.cancel();
            c.awaitQuiescence(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closeCurrent();
        if (prefetch != null) {
            quiesce(prefetch);
            if (prefetch.isDone()) {
                try {
                    Object out = prefetch.get().get(keys.get(prefetched));
                    ((RowBatches) out).close();
                } catch (RuntimeException ignored) {
                    // cancelled or failed: nothing was handed over
                }
            }
            prefetch = null;
        }
        allocator.close();
    }
}
