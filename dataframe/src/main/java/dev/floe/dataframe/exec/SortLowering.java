package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Limit;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.ExprTrees;
import dev.floe.expressions.Schema;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The sort lowering of a {@link QueryPlanner}: a full sort (sample, bounds, split, sort tasks) and
 * ORDER BY ... LIMIT (top-k per partition, then one merge). It adds tasks to the planner's graph and
 * takes stage ids from it, in the order the planner would, so EXPLAIN reads the same; the task
 * functions capture only plain values (keys, schemas, budgets, the query's allocator, spill space
 * and sort pool), never the planner. One per planner, for one query.
 */
final class SortLowering {
    private final QueryPlanner planner;
    private final BufferAllocator queryAllocator;
    private final SpillSpace spill;
    private final long sortBudget;
    private final MemoryPool pool;
    private final List<String> sortTasks = new ArrayList<>();

    /**
     * @param sortBudget the sort memory budget per task (past it, sorted runs go to disk)
     * @param pool the query-wide pool bounding the split outputs and sorted ranges waiting in memory
     */
    SortLowering(QueryPlanner planner, BufferAllocator queryAllocator, SpillSpace spill, long sortBudget, MemoryPool pool) {
        this.planner = planner;
        this.queryAllocator = queryAllocator;
        this.spill = spill;
        this.sortBudget = sortBudget;
        this.pool = pool;
    }

    /** The keys of the tasks that sort one range each (their outputs are read through a merge). */
    List<String> sortTasks() {
        return List.copyOf(sortTasks);
    }

    /**
     * A full sort, range-partitioned as Dask's and Spark's are, one output partition per input
     * partition, in range order:
     *
     * <pre>
     *   sample-i:  partition i ─► a uniform sample of its sort keys ─┐
     *   bounds:    the samples ─► ranges-1 boundary keys  ◄──────────┘
     *   split-i:   partition i (again) ─► its rows cut into the ranges (spilling past the budget)
     *   sort-r:    range r of every split ─► sorted runs (in memory, or on disk past the budget)
     *   consumer:  reads sort-r through a streaming k-way merge of its runs
     * </pre>
     *
     * The input pipeline runs twice (once for the sample, once to split), as Dask's sort reads its input
     * twice; a single partition skips the sampling and the split.
     */
    Stage lowerSort(Sort s, Set<String> needed) {
        Set<String> refs = new LinkedHashSet<>();
        s.keys().forEach(k -> refs.addAll(ExprTrees.columns(k.expr())));
        Stage in = planner.lower(s.input(), QueryPlanner.union(needed, refs));
        Schema schema = in.schema();
        List<Sort.Key> keys = s.keys();
        int ranges = in.partitions().size();
        int id = planner.nextStageId();
        if (ranges == 0) {
            return in;
        }
        BufferAllocator q = queryAllocator;
        SpillSpace space = spill;
        long budget = sortBudget;
        MemoryPool keep = pool;
        List<PartitionPlan> out = new ArrayList<>();
        if (ranges == 1) {
            PartitionPlan p = in.partitions().get(0);
            String key = "sort-" + id;
            planner.add(new Task(key, p.dependencies(), planner.partitionTask(p, List.of(), (alloc, byKey, ctx) ->
                    new ExternalSortSink(keys, schema, budget, space, alloc, q, keep, ctx::isCancelled)), "sort",
                    QueryPlanner.describe(p)));
            sortTasks.add(key);
            return new Stage(List.of(PartitionPlan.of(new Source.Sorted(key))), schema);
        }
        int sampleSize = Math.min(10_000, 100 + 20 * ranges);
        Stage keyed = keyColumnsOnly(s.input(), refs, in);
        Schema keyedSchema = keyed.schema();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            PartitionPlan p = keyed.partitions().get(i);
            long seed = i;
            String key = QueryPlanner.key("sample", id, i);
            planner.add(new Task(key, p.dependencies(), planner.partitionTask(p, alloc ->
                    new KeySampleSink(keys, keyedSchema, sampleSize, seed, alloc)), "sample", QueryPlanner.describe(p)));
            samples.add(key);
        }
        planner.note("sample-" + id, keyed, "sample " + sampleSize + " sort keys");
        String bounds = "bounds-" + id;
        planner.add(new Task(bounds, samples, (ctx, inputs) -> {
            List<KeySampleSink.Sample> all = new ArrayList<>();
            inputs.forEach(o -> all.add((KeySampleSink.Sample) o));
            return RangeBounds.choose(all, ranges, keys);
        }, "bounds", ranges + " ranges"));
        List<String> splits = new ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            PartitionPlan p = in.partitions().get(i);
            String key = QueryPlanner.key("split", id, i);
            List<String> deps = new ArrayList<>(p.dependencies());
            deps.add(bounds);
            planner.add(new Task(key, deps, planner.partitionTask(p, List.of(bounds), (alloc, byKey, ctx) -> new RangeSink(keys, schema,
                    (RangeBounds) byKey.get(bounds), ranges, budget, space, keep, alloc, q)), "split", QueryPlanner.describe(p)));
            splits.add(key);
        }
        planner.note("split-" + id, in, "cut into " + ranges + " key ranges");
        for (int r = 0; r < ranges; r++) {
            int range = r;
            String key = QueryPlanner.key("sort", id, r);
            planner.add(new Task(key, splits, (ctx, inputs) -> ExternalSortSink.sortRange(inputs, range, keys, schema, budget, space, q, keep, ctx),
                    "sort", "range " + r));
            sortTasks.add(key);
            out.add(PartitionPlan.of(new Source.Sorted(key)));
        }
        return new Stage(out, schema);
    }

    /**
     * The sort's input again, reading only the key columns, for the sample — when its partitions are
     * plain pipelines from a scan (lowering them again adds no task); otherwise {@code in} itself.
     */
    private Stage keyColumnsOnly(LogicalPlan input, Set<String> keyColumns, Stage in) {
        if (in.partitions().stream().anyMatch(p -> !p.dependencies().isEmpty())) {
            return in;
        }
        Stage keyed = planner.lowerUncounted(input, keyColumns);
        boolean same = keyed.partitions().size() == in.partitions().size()
                && keyed.partitions().stream().allMatch(p -> p.dependencies().isEmpty());
        return same ? keyed : in;
    }

    /**
     * ORDER BY ... LIMIT k: each partition keeps only its own first k rows in sort order (a task per
     * partition, so no task holds more than one partition and k rows of each other), then one task
     * sorts those candidates and takes the limit — nlargest/nsmallest.
     */
    Stage lowerTopK(Sort s, Limit l, Set<String> needed) {
        Set<String> refs = new LinkedHashSet<>();
        s.keys().forEach(k -> refs.addAll(ExprTrees.columns(k.expr())));
        Stage in = planner.lower(s.input(), QueryPlanner.union(needed, refs));
        List<String> parts = planner.materialize(in);
        Schema schema = in.schema();
        BufferAllocator q = queryAllocator;
        List<Sort.Key> keys = s.keys();
        long k = l.limit() + l.offset();
        int id = planner.nextStageId();
        List<String> tops = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String key = QueryPlanner.key("topk", id, i);
            planner.add(new Task(key, List.of(parts.get(i)), (ctx, inputs) -> sortedPrefix(inputs, schema, keys, 0, k, q, ctx),
                    "topk", ""));
            tops.add(key);
        }
        String merge = "topk-merge-" + id;
        planner.add(new Task(merge, tops, (ctx, inputs) -> sortedPrefix(inputs, schema, keys, l.offset(), l.limit(), q, ctx),
                "topk-merge", ""));
        return QueryPlanner.single(merge, schema);
    }

    /** Rows {@code from .. from+count} in sort order of all the inputs' rows. */
    private static RowBatches sortedPrefix(List<Object> inputs, Schema schema, List<Sort.Key> keys, long from, long count,
            BufferAllocator q, TaskContext ctx) {
        try (BufferAllocator work = q.newChildAllocator(ctx.key(), 0, Long.MAX_VALUE);
                VectorSchemaRoot all = QueryPlanner.concat(inputs, schema, work, ctx::isCancelled)) {
            int[] order = BatchSorter.order(all, schema, keys, work, ctx::isCancelled);
            int start = (int) Math.min(from, order.length);
            int n = (int) Math.min(count, order.length - start);
            int[] rows = java.util.Arrays.copyOfRange(order, start, start + n);
            VectorSchemaRoot out = VectorSchemaRoot.create(schema.toArrow(), q);
            try {
                Vectors.gather(all, rows, rows.length, out);
                return RowBatches.of(out);
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
        }
    }
}
