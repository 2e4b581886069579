package dev.floe.dataframe.exec;

import dev.floe.dataframe.ExecutionOptions;
import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.scheduler.Computation;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskGraph;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A frame's rows, partition by partition, computed as they are read: partition i+1 is computed while
 * the caller reads partition i, and nothing later is started. Memory in flight is about two partitions,
 * whatever the frame's size. Used by {@code head(n)} (which stops after the partitions it needs) and by
 * {@code toBatches()}.
 *
 * <p>Two exceptions, where every partition depends on all of the input. A sorted frame's ranges are
 * sorted first, all in one computation (kept in memory only within the sort budget, otherwise as sorted
 * runs on disk), and each partition's graph then starts from its range's sorted runs instead of sorting
 * again. A shuffle join's map tasks run first, once (their outputs within the join budget in memory, the
 * rest on disk), and each bucket's graph reads a view of them instead of shuffling both sides again.
 *
 * <p>Protocol: {@link #next()} until it returns false; {@link #batches()} are valid until the next
 * {@code next()} or {@link #close()}; always close.
 */
public final class PartitionStream implements AutoCloseable {
    private final ExecutionOptions options;
    private final BufferAllocator allocator;
    private final QueryPlanner.Planned planned;
    private final List<String> keys;
    private boolean budgetChecked;
    private final QueryPlanner planner;
    /** Results computed up front (the sorted ranges), until a partition's graph takes them over. */
    private final Map<String, Object> precomputed = new HashMap<>();
    /** Which precomputed results are shared: partitions read views, the stream keeps them. */
    private final Set<String> shared = new HashSet<>();
    private int next;
    private Computation prefetch;
    /** The partition {@link #prefetch} computes (not always {@code next}: a failed next() does not advance). */
    private int prefetched;
    private RowBatches current;

    public PartitionStream(LogicalPlan plan, ExecutionOptions options, BufferAllocator root, long limitPerPartition) {
        this.options = options;
        this.allocator = root.newChildAllocator("stream-" + System.nanoTime(), 0, options.memoryLimit());
        this.planner = new QueryPlanner(options, allocator);
        try {
            this.planned = planner.partitions(plan, limitPerPartition);
            this.keys = planned.partitions() == 0 ? List.of() : Arrays.asList(planned.output().split(","));
            precompute(planner.sortTasks(), planner.shuffleTasks());
        } catch (RuntimeException e) {
            closePrecomputed();
            planner.spillSpace().close();
            allocator.close();
            throw e;
        }
    }

    /**
     * Computes up front, once: the sort ranges if each is read by exactly one partition (each is then
     * handed to that partition's graph), or else the shuffle map tasks that several partitions read
     * (each partition's graph then reads a view of them; they are closed with the stream).
     */
    private void precompute(List<String> sorts, List<String> shuffles) {
        Map<String, Integer> users = users(sorts.isEmpty() ? shuffles : sorts);
        List<String> tasks;
        if (!sorts.isEmpty()) {
            if (users.values().stream().anyMatch(n -> n > 1)) {
                return;
            }
            tasks = sorts;
        } else {
            tasks = shuffles.stream().filter(t -> users.getOrDefault(t, 0) > 1).toList();
            shared.addAll(tasks);
        }
        if (tasks.isEmpty()) {
            return;
        }
        Computation c = options.scheduler().submit(planned.graph(), tasks, options.submitOptions());
        try {
            precomputed.putAll(c.get());
        } catch (RuntimeException e) {
            quiesce(c);
            throw e;
        }
    }

    /** For each task, how many partitions' graphs include it. */
    private Map<String, Integer> users(List<String> tasks) {
        Map<String, Integer> users = new HashMap<>();
        if (tasks.isEmpty()) {
            return users;
        }
        for (String k : keys) {
            Set<String> upstream = planned.graph().cull(List.of(k)).tasks().stream().map(Task::key)
                    .collect(Collectors.toSet());
            tasks.stream().filter(upstream::contains).forEach(t -> users.merge(t, 1, Integer::sum));
        }
        return users;
    }

    /** The graph of partition {@code i}, starting from precomputed results where there are some. */
    private TaskGraph graphOf(int i) {
        TaskGraph culled = planned.graph().cull(List.of(keys.get(i)));
        if (precomputed.isEmpty()) {
            return culled;
        }
        Set<String> replaced = new HashSet<>();
        for (Task t : culled.tasks()) {
            if (precomputed.containsKey(t.key())) {
                replaced.add(t.key());
            }
        }
        TaskGraph.Builder b = TaskGraph.builder();
        for (Task t : culled.tasks()) {
            if (replaced.contains(t.key())) {
                String key = t.key();
                b.add(new Task(key, List.of(), (ctx, inputs) -> take(key), "precomputed", t.kind() + ", computed up front"));
            } else {
                b.add(t);
            }
        }
        // what only the replaced tasks needed is culled away
        return b.build().cull(List.of(keys.get(i)));
    }

    private synchronized Object take(String key) {
        if (shared.contains(key)) {
            Object o = precomputed.get(key);
            if (o == null) {
                throw new IllegalStateException("the shared result of " + key + " is already closed");
            }
            return ((SpilledBuckets) o).view();
        }
        Object o = precomputed.remove(key);
        if (o == null) {
            throw new IllegalStateException("the precomputed result of " + key + " was already handed over");
        }
        return o;
    }

    private synchronized void closePrecomputed() {
        for (Object o : precomputed.values()) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + o, e);
                }
            }
        }
        precomputed.clear();
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
                planner.rowsRejected(), planner.rejects(), planner.spillSpace().filesWritten(),
                planner.spillSpace().bytesWritten(), planner.utf8Replacements());
    }

    /** The current partition's batches. */
    public List<VectorSchemaRoot> batches() {
        return current.batches();
    }

    private Computation submit(int i) {
        return options.scheduler().submit(graphOf(i), List.of(keys.get(i)), options.submitOptions());
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
        closePrecomputed();
        planner.spillSpace().close();
        allocator.close();
    }
}
