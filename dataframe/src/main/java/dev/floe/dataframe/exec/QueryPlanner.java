package dev.floe.dataframe.exec;

import dev.floe.dataframe.ExecutionOptions;
import dev.floe.dataframe.SpillOptions;
import dev.floe.dataframe.Table;
import dev.floe.dataframe.WriteFormat;
import dev.floe.io.write.BatchWriter;
import dev.floe.io.write.CsvWriteOptions;
import dev.floe.io.write.PartitionedOutput;
import dev.floe.io.write.Writers;
import dev.floe.dataframe.exec.agg.AggregateLayout;
import dev.floe.dataframe.exec.agg.AggregateState;
import dev.floe.dataframe.plan.Aggregate;
import dev.floe.dataframe.plan.CsvScan;
import dev.floe.dataframe.plan.Filter;
import dev.floe.dataframe.plan.InMemoryScan;
import dev.floe.dataframe.plan.Join;
import dev.floe.dataframe.plan.Limit;
import dev.floe.dataframe.plan.MapBatches;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import dev.floe.dataframe.plan.Repartition;
import dev.floe.dataframe.plan.Sort;
import dev.floe.dataframe.plan.Union;
import dev.floe.dataframe.plan.WithColumns;
import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprTrees;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import dev.floe.io.CsvDataset;
import dev.floe.io.Reject;
import dev.floe.io.RejectLog;
import dev.floe.io.FileSplit;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskContext;
import dev.floe.scheduler.TaskFunction;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Lowers a logical plan to a task graph, in the manner of Dask's dataframe: every plan node becomes a
 * {@link Stage} — a list of partitions not yet run — and row-wise nodes (filter, project, the probe of a
 * broadcast join) only add steps to each partition, so that a chain of them runs as ONE streaming task
 * per partition. Nodes that need whole partitions (aggregate, sort, limit, shuffle, repartition) end the
 * chain: they add tasks, and the stage they return reads those tasks' outputs.
 *
 * <pre>
 *   CsvScan ──► Filter ──► Project ──► Aggregate                       (logical)
 *
 *   chunk-0: split 0 ─► filter ─► project ─► partial state ─┐
 *   chunk-1: split 1 ─► filter ─► project ─► partial state ─┼─ combine (splitEvery at a time) ... ─ finalize
 *   chunk-2: split 2 ─► filter ─► project ─► partial state ─┘
 *
 *   Join, right side small:  build (all right rows + hash index) ──► every left partition probes it
 *   Join, both sides large:  shuffle both sides into buckets by key hash ──► join bucket by bucket
 *                            (a bucket too large for the join budget: grace join, piece by piece from disk)
 *   Sort:  sample keys ──► range bounds ──► cut every partition into key ranges ──► sort each range
 *          (sorted runs on disk past the sort budget) ──► its reader merges the runs as it reads
 *          (lowered by {@link SortLowering}, as is ORDER BY ... LIMIT)
 * </pre>
 *
 * <p>Column pruning happens on the way down: each node is lowered with the set of columns its consumer
 * reads, so a scan converts only the columns someone uses and a projection computes only the columns
 * someone reads. A stage's schema is therefore its node's schema less what no one reads.
 *
 * <p>Memory: task outputs that outlive their task ({@link RowBatches}, {@link Buckets}, a
 * {@link JoinBuild}) are allocated from the query's allocator and closed by the scheduler once their
 * last consumer has run; everything else a task allocates comes from the task's own child allocator and
 * is freed when the task ends. Aggregate states live on the heap. A planner is used for one query.
 */
public final class QueryPlanner {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryPlanner.class);
    private final int splitEvery;
    private final long broadcastThreshold;
    private final int shufflePartitions;
    private final Combiner combiner;
    private final BufferAllocator queryAllocator;
    private final QueryCounters counters = new QueryCounters();
    private final TaskGraph.Builder graph = TaskGraph.builder();
    private final List<String> notes = new ArrayList<>();
    private final SpillOptions spillOptions;
    private final SpillSpace spill;
    private final List<String> shuffleTasks = new ArrayList<>();
    private final SortLowering sorts;
    private final MemoryPool shufflePool;
    private PartitionedOutput pendingOutput;
    private int nextStage;
    private int inputPartitions;

    /** Plans with the frame's execution options (see {@link ExecutionOptions}) for one query. */
    public QueryPlanner(ExecutionOptions options, BufferAllocator queryAllocator) {
        this.splitEvery = options.splitEvery();
        this.broadcastThreshold = options.broadcastThreshold();
        this.shufflePartitions = options.shufflePartitions();
        this.combiner = new Combiner(options.scheduler(), options.shufflePartitions(), options.splitOutGroups());
        this.queryAllocator = queryAllocator;
        this.spillOptions = effectiveBudgets(options);
        this.spill = new SpillSpace(options.spill().directory());
        this.sorts = new SortLowering(this, queryAllocator, spill, spillOptions.sortMemoryBudget(),
                new MemoryPool(spillOptions.sortMemoryBudget()));
        this.shufflePool = new MemoryPool(spillOptions.joinMemoryBudget());
    }

    /**
     * The spill budgets, lowered under a query memory limit so that the tasks in flight (each holding
     * up to a budget, twice that while a buffer grows) and the pool of waiting results fit in it: at
     * most {@code memoryLimit / (4 * (tasks in flight + 1))} each.
     */
    private static SpillOptions effectiveBudgets(ExecutionOptions options) {
        SpillOptions s = options.spill();
        if (options.memoryLimit() == Long.MAX_VALUE) {
            return s;
        }
        long inFlight = Math.max(2, 2L * options.scheduler().threads());
        long cap = Math.max(64 << 10, options.memoryLimit() / (4 * (inFlight + 1)));
        return new SpillOptions(s.directory(), Math.min(s.sortMemoryBudget(), cap), Math.min(s.joinMemoryBudget(), cap));
    }

    /**
     * The query's spill directory (made only if something spills): the query's owner closes it, which
     * deletes it, once the query has ended and its tasks have stopped.
     */
    public SpillSpace spillSpace() {
        return spill;
    }

    /** The keys of the tasks that sort one range each (their outputs are read through a merge). */
    public List<String> sortTasks() {
        return sorts.sortTasks();
    }

    /** The keys of the map tasks of shuffle joins (outputs read by every bucket of the join). */
    public List<String> shuffleTasks() {
        return List.copyOf(shuffleTasks);
    }

    /** A finished graph and the key of its output. */
    public record Planned(TaskGraph graph, String output, int partitions, List<String> stages) {
    }

    public long rowsRead() {
        return counters.rowsRead.sum();
    }

    public long bytesRead() {
        return counters.bytesRead.sum();
    }

    /** How many file splits the query's scans read, as partitions. */
    public int inputPartitions() {
        return inputPartitions;
    }

    public long rowsRejected() {
        return counters.rowsRejected.sum();
    }

    /** Invalid UTF-8 sequences the query's scans replaced with U+FFFD (replace_invalid_utf8). */
    public long utf8Replacements() {
        return counters.utf8Replacements.sum();
    }

    /** The rejected rows the query's scans kept (with store_rejects), at most {@link RejectLog#DEFAULT_CAPACITY}. */
    public List<Reject> rejects() {
        return counters.rejects();
    }

    /** Fails if a read of the query rejected more than its max_rejects fraction of its records (call at its end). */
    public void checkRejectBudget() {
        counters.checkFractions();
    }

    /** The graph whose output is the whole result as a {@link Table} with an allocator of its own. */
    public Planned collect(LogicalPlan root, BufferAllocator resultParent, String resultName) {
        Schema schema = root.schema();
        Stage stage = lower(root, null);
        List<String> parts = materialize(stage, true);
        graph.add(new Task("result", parts, (ctx, inputs) -> {
            BufferAllocator allocator = resultParent.newChildAllocator(resultName, 0, Long.MAX_VALUE);
            VectorSchemaRoot out = null;
            try {
                out = concat(inputs, schema, allocator, ctx::isCancelled);
                return new Table(schema, out, allocator);
            } catch (RuntimeException e) {
                if (out != null) {
                    out.close();
                }
                allocator.close();
                throw e;
            }
        }, "result", ""));
        return new Planned(graph.build(), "result", stage.partitions().size(), List.copyOf(notes));
    }

    /** The graph whose output is the row count (a Long), reading no column it does not need. */
    public Planned count(LogicalPlan root) {
        root.schema();
        while (root instanceof Sort s) {
            root = s.input();   // order does not change a count
        }
        Stage stage = lower(root, Set.of());
        int id = nextStage++;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < stage.partitions().size(); i++) {
            PartitionPlan p = stage.partitions().get(i);
            String key = key("count", id, i);
            graph.add(new Task(key, p.dependencies(), partitionTask(p, alloc -> new CountSink()), "count", describe(p)));
            parts.add(key);
        }
        note("count-" + id, stage, "count rows");
        graph.add(new Task("total", parts, (ctx, inputs) -> {
            long n = 0;
            for (Object o : inputs) {
                n += (Long) o;
            }
            return n;
        }, "total", ""));
        return new Planned(graph.build(), "total", stage.partitions().size(), List.copyOf(notes));
    }

    /**
     * The graph whose outputs are the partitions' rows ({@link RowBatches}, one key per partition in
     * order), each partition reading at most {@code limit} rows: run a few keys at a time to stream.
     */
    public Planned partitions(LogicalPlan root, long limit) {
        root.schema();
        Stage stage = lower(root, null);
        List<PartitionPlan> limited = stage.partitions().stream().map(p -> p.limitTo(limit)).toList();
        List<String> keys = materialize(new Stage(limited, stage.schema()));
        return new Planned(graph.build(), String.join(",", keys), keys.size(), List.copyOf(notes));
    }

    /**
     * The graph that writes the frame and whose output is the number of rows written (a Long): one
     * file per partition into a directory (each partition's task writes its own part, then a last task
     * publishes them all), or one file written in partition order.
     */
    public Planned write(LogicalPlan root, String path, WriteFormat format, CsvWriteOptions csv, boolean singleFile) {
        Schema schema = root.schema();
        Stage stage = lower(root, null);
        BufferAllocator q = queryAllocator;
        if (singleFile) {
            List<String> parts = materialize(stage);
            graph.add(new Task("write", parts, (ctx, inputs) -> {
                try (BatchWriter writer = format == WriteFormat.CSV ? Writers.csv(path, schema, csv)
                        : Writers.arrow(path, schema, q)) {
                    for (Object part : inputs) {
                        for (VectorSchemaRoot b : ((RowBatches) part).batches()) {
                            writer.write(b);
                        }
                    }
                    checkRejectBudget(); // before anything is published: a failed budget leaves no file
                    writer.commit();
                    return writer.rowsWritten();
                }
            }, "write", path));
            return new Planned(graph.build(), "write", stage.partitions().size(), List.copyOf(notes));
        }
        PartitionedOutput output = format == WriteFormat.CSV ? Writers.csvParts(path, schema, csv)
                : Writers.arrowParts(path, schema, q);
        int id = nextStage++;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < stage.partitions().size(); i++) {
            PartitionPlan p = stage.partitions().get(i);
            int index = i;
            String key = key("write", id, i);
            graph.add(new Task(key, p.dependencies(), partitionTask(p, alloc -> new WriteSink(output.part(index))),
                    "write", describe(p)));
            parts.add(key);
        }
        note("write-" + id, stage, "write " + output.partName(0) + " ...");
        graph.add(new Task("commit", parts, (ctx, inputs) -> {
            checkRejectBudget(); // before anything is published: a failed budget leaves no part
            output.commit();
            long rows = 0;
            for (Object o : inputs) {
                rows += (Long) o;
            }
            return rows;
        }, "commit", path));
        pendingOutput = output;
        return new Planned(graph.build(), "commit", stage.partitions().size(), List.copyOf(notes));
    }

    /** The partitioned output a {@link #write} graph publishes; to abort if the query fails. */
    public PartitionedOutput pendingOutput() {
        return pendingOutput;
    }

    /** The graph whose output is every partition's rows, kept apart: a {@link PersistedData}. */
    public Planned persist(LogicalPlan root) {
        Schema schema = root.schema();
        Stage stage = lower(root, null);
        List<String> parts = materialize(stage);
        BufferAllocator q = queryAllocator;
        graph.add(new Task("persist", parts, (ctx, inputs) -> {
            List<RowBatches> rows = new ArrayList<>();
            for (Object o : inputs) {
                rows.add((RowBatches) o);
            }
            // The inputs are closed once this task ends: move their buffers into batches of our own.
            return new PersistedData(schema, rows, null).moveTo(q, false);
        }, "persist", ""));
        return new Planned(graph.build(), "persist", stage.partitions().size(), List.copyOf(notes));
    }

    public TaskGraph graph() {
        return graph.build();
    }

    // ---------------------------------------------------------------- lowering

    Stage lower(LogicalPlan node, Set<String> needed) {
        if (node instanceof CsvScan scan) {
            return lowerScan(scan, needed);
        }
        if (node instanceof InMemoryScan mem) {
            List<PartitionPlan> parts = new ArrayList<>();
            for (int i = 0; i < mem.data().partitions(); i++) {
                parts.add(PartitionPlan.of(new Source.Memory(mem.data(), i)));
            }
            return new Stage(parts, mem.schema());
        }
        if (node instanceof Filter f) {
            Stage in = lower(f.input(), union(needed, ExprTrees.columns(f.predicate())));
            return append(in, new RowStep.Filter(f.predicate(), in.schema()), in.schema());
        }
        if (node instanceof WithColumns w) {
            return lower(w.toProject(), needed);
        }
        if (node instanceof Project p) {
            return lowerProject(p, needed);
        }
        if (node instanceof MapBatches m) {
            Stage in = lower(m.input(), null);
            return append(in, new RowStep.Map(m.function(), m.output()), m.output());
        }
        if (node instanceof Aggregate a) {
            return lowerAggregate(a);
        }
        if (node instanceof Sort s) {
            return sorts.lowerSort(s, needed);
        }
        if (node instanceof Limit l) {
            return lowerLimit(l, needed);
        }
        if (node instanceof Union u) {
            return lowerUnion(u);
        }
        if (node instanceof Join j) {
            return lowerJoin(j, needed);
        }
        if (node instanceof Repartition r) {
            return lowerRepartition(r, needed);
        }
        throw new IllegalStateException("no lowering for " + node.describe());
    }

    private Stage lowerScan(CsvScan scan, Set<String> needed) {
        CsvDataset dataset = scan.dataset();
        Schema schema = dataset.schema();
        int[] columns = null;
        Schema out = schema;
        // With ignore_errors, a row is rejected by parsing its values: read every column so that a count
        // skips exactly the rows a full read would.
        if (needed != null && !dataset.options().ignoreErrors()) {
            columns = schema.names().stream().filter(needed::contains).mapToInt(schema::indexOf).toArray();
            List<Field> fields = new ArrayList<>();
            for (int c : columns) {
                fields.add(schema.field(c));
            }
            out = new Schema(fields);
            if (columns.length == schema.size()) {
                columns = null;
            }
        }
        List<PartitionPlan> parts = new ArrayList<>();
        for (FileSplit split : dataset.splits()) {
            parts.add(PartitionPlan.of(new Source.Csv(dataset, split, columns)));
        }
        inputPartitions += parts.size();
        counters.scans(dataset); // what a max_rejects fraction is judged against
        return new Stage(parts, out);
    }

    private Stage lowerProject(Project p, Set<String> needed) {
        List<Expr> exprs = needed == null ? p.exprs()
                : p.exprs().stream().filter(e -> needed.contains(e.outputName())).toList();
        Set<String> refs = new LinkedHashSet<>();
        exprs.forEach(e -> refs.addAll(ExprTrees.columns(e)));
        Stage in = lower(p.input(), refs);
        List<Field> fields = new ArrayList<>();
        for (Expr e : exprs) {
            fields.add(new Field(e.outputName(), TypeChecker.typeOf(e, in.schema())));
        }
        Schema out = new Schema(fields);
        return append(in, new RowStep.Project(exprs, in.schema(), out), out);
    }

    private Stage lowerAggregate(Aggregate a) {
        Set<String> refs = new LinkedHashSet<>();
        a.keys().forEach(k -> refs.addAll(ExprTrees.columns(k)));
        List<AggregateCall> calls = new ArrayList<>();
        for (int i = 0; i < a.aggregates().size(); i++) {
            AggregateCall call = a.call(i);
            calls.add(call);
            if (call.input() != null) {
                refs.addAll(ExprTrees.columns(call.input()));
            }
        }
        Stage in = lower(a.input(), refs);
        Schema inSchema = in.schema();
        List<FloeType> keyTypes = a.keys().stream().map(k -> TypeChecker.typeOf(k, inSchema)).toList();
        AggregateLayout layout = AggregateLayout.of(keyTypes, calls, inSchema);
        List<Expr> keys = a.keys();
        int id = nextStage++;
        List<String> level = new ArrayList<>();
        for (int i = 0; i < in.partitions().size(); i++) {
            PartitionPlan p = in.partitions().get(i);
            String key = key("chunk", id, i);
            graph.add(new Task(key, p.dependencies(),
                    partitionTask(p, alloc -> new AggregateSink(layout, keys, calls, inSchema, alloc)), "chunk", describe(p)));
            level.add(key);
        }
        note("chunk-" + id, in, "partial aggregate");
        String last = combineTree(level, id);
        if (last != null && !last.startsWith("chunk")) {
            notes.add("combine-" + id + "-*: merge " + (splitEvery == Integer.MAX_VALUE ? "all" : splitEvery)
                    + " partial states at a time, as a tree; finalize-" + id + ": one row per group");
        }
        Schema out = a.schema();
        BufferAllocator q = queryAllocator;
        String finalize = "finalize-" + id;
        Combiner c = combiner;
        graph.add(new Task(finalize, last == null ? List.of() : List.of(last), (ctx, inputs) -> {
            RowBatches rows = c.finish(inputs.isEmpty() ? new AggregateState(layout) : inputs.get(0), out, q);
            ctx.reportOutput(rows.rowCount());
            return rows;
        }, "finalize", ""));
        return single(finalize, out);
    }

    /** Adds combine tasks merging {@code splitEvery} states at a time until one remains; returns its key. */
    private String combineTree(List<String> level, int id) {
        int depth = 0;
        while (level.size() > 1) {
            depth++;
            List<String> next = new ArrayList<>();
            for (int start = 0; start < level.size(); start += splitEvery) {
                List<String> group = level.subList(start, (int) Math.min(level.size(), (long) start + splitEvery));
                if (group.size() == 1) {
                    next.add(group.get(0));
                    continue;
                }
                String key = "combine-" + id + "-" + depth + "-" + next.size();
                Combiner c = combiner;
                graph.add(new Task(key, List.copyOf(group), (ctx, inputs) -> c.combine(inputs, ctx::isCancelled), "combine", ""));
                next.add(key);
            }
            level = next;
        }
        return level.isEmpty() ? null : level.get(0);
    }

    private Stage lowerLimit(Limit l, Set<String> needed) {
        if (l.input() instanceof Sort s && l.limit() + l.offset() < Integer.MAX_VALUE) {
            return sorts.lowerTopK(s, l, needed);
        }
        Stage in = lower(l.input(), needed);
        long keep = l.limit() + l.offset();
        List<PartitionPlan> limited = in.partitions().stream().map(p -> p.limitTo(keep)).toList();
        List<String> parts = materialize(new Stage(limited, in.schema()));
        Schema schema = in.schema();
        BufferAllocator q = queryAllocator;
        String key = "limit-" + nextStage++;
        graph.add(new Task(key, parts, (ctx, inputs) -> {
            VectorSchemaRoot out = VectorSchemaRoot.create(schema.toArrow(), q);
            try {
                out.allocateNew();
                long skip = l.offset();
                long take = l.limit();
                for (Object part : inputs) {
                    for (VectorSchemaRoot b : ((RowBatches) part).batches()) {
                        int from = (int) Math.min(skip, b.getRowCount());
                        skip -= from;
                        int n = (int) Math.min(take, b.getRowCount() - from);
                        take -= n;
                        if (n > 0) {
                            Vectors.appendRange(b, from, n, out);
                        }
                    }
                }
                return RowBatches.of(out);
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
        }, "limit", ""));
        return single(key, schema);
    }

    private Stage lowerUnion(Union u) {
        Stage left = lower(u.left(), null);
        Stage right = lower(u.right(), null);
        List<PartitionPlan> parts = new ArrayList<>(left.partitions());
        List<String> ln = left.schema().names();
        List<String> rn = right.schema().names();
        if (ln.equals(rn)) {
            parts.addAll(right.partitions());
        } else {
            List<Expr> renames = new ArrayList<>();
            for (int i = 0; i < ln.size(); i++) {
                renames.add(new Alias(Expressions.col(rn.get(i)), ln.get(i)));
            }
            RowStep rename = new RowStep.Project(renames, right.schema(), left.schema());
            right.partitions().forEach(p -> parts.add(p.then(rename)));
        }
        return new Stage(parts, left.schema());
    }

    private Stage lowerRepartition(Repartition r, Set<String> needed) {
        Stage in = lower(r.input(), needed);
        List<String> parts = materialize(in);
        Schema schema = in.schema();
        BufferAllocator q = queryAllocator;
        int n = r.partitions();
        String key = "repartition-" + nextStage++;
        graph.add(new Task(key, parts, (ctx, inputs) -> Rebalancer.split(inputs, schema, n, q), "repartition", ""));
        List<PartitionPlan> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(PartitionPlan.of(new Source.TaskOutput(key, i)));
        }
        return new Stage(out, schema);
    }

    private Stage lowerJoin(Join j, Set<String> needed) {
        Schema joinSchema = j.schema();
        Schema leftLogical = j.left().schema();
        Set<String> leftNeeded = new LinkedHashSet<>();
        Set<String> rightNeeded = new LinkedHashSet<>();
        j.leftKeys().forEach(k -> leftNeeded.addAll(ExprTrees.columns(k)));
        j.rightKeys().forEach(k -> rightNeeded.addAll(ExprTrees.columns(k)));
        List<String> rightOut = j.rightOutputColumns();
        for (String name : leftLogical.names()) {
            if (needed == null || needed.contains(name)) {
                leftNeeded.add(name);
            }
        }
        for (int i = 0; i < rightOut.size(); i++) {
            String outName = joinSchema.field(leftLogical.size() + i).name();
            if (needed == null || needed.contains(outName)) {
                rightNeeded.add(rightOut.get(i));
            }
        }
        Stage left = lower(j.left(), leftNeeded);
        Stage right = lower(j.right(), rightNeeded);
        List<String> rightColumns = rightOut.stream().filter(n -> right.schema().indexOf(n) >= 0).toList();
        List<Field> fields = new ArrayList<>(left.schema().fields());
        for (String name : rightColumns) {
            String outName = joinSchema.field(leftLogical.size() + rightOut.indexOf(name)).name();
            fields.add(new Field(outName, right.schema().field(right.schema().indexOf(name)).type()));
        }
        JoinSpec spec = new JoinSpec(j.type(), j.leftKeys(), j.rightKeys(), j.keyTypes(), left.schema(),
                right.schema(), rightColumns, new Schema(fields));
        if (right.partitions().size() == 1 || inputBytes(right) <= broadcastThreshold) {
            String build = buildTask(materialize(right), spec, "build-" + nextStage++, -1);
            return append(left, new RowStep.Probe(spec, build), spec.output());
        }
        return shuffleJoin(left, right, spec);
    }

    /**
     * A task building a join's hash side from the right side's partitions: their whole outputs
     * ({@code bucket < 0}), or bucket {@code bucket} of each (a shuffle).
     */
    private String buildTask(List<String> rightParts, JoinSpec spec, String key, int bucket) {
        BufferAllocator q = queryAllocator;
        SpillSpace space = spill;
        long budget = spillOptions.joinMemoryBudget();
        graph.add(new Task(key, rightParts, (ctx, inputs) -> {
            // (the bucket's build side: a hash table in memory, or pieces on disk past the budget)
            if (bucket < 0) {
                List<VectorSchemaRoot> batches = new ArrayList<>();
                for (Object o : inputs) {
                    batches.addAll(((RowBatches) o).batches());
                }
                return JoinBuild.build(batches, spec, q);
            }
            List<SpillableRows> parts = new ArrayList<>();
            long bytes = 0;
            for (Object o : inputs) {
                SpillableRows part = ((SpilledBuckets) o).bucket(bucket);
                parts.add(part);
                bytes += part.totalBytes();
            }
            try (BufferAllocator work = q.newChildAllocator(ctx.key(), 0, Long.MAX_VALUE)) {
                if (bytes > budget) {
                    // grace hash join: too large for one hash table; cut into pieces on disk, joined one by one
                    int pieces = (int) Math.max(2, Math.min(512, (2 * bytes + budget - 1) / budget));
                    LOG.debug("{}: build side of {} bytes is over the join budget of {}: grace join in {} pieces",
                            ctx.key(), bytes, budget, pieces);
                    return HashPieces.write(parts, spec.rightKeys(), spec.right(), spec.singleLongKey(), pieces, space,
                            "join-right-" + bucket, work, ctx::isCancelled);
                }
                try (BatchSource rows = SpillableRows.concat(parts, work)) {
                    return JoinBuild.build(rows, spec, q);
                }
            }
        }, "build", bucket < 0 ? "" : "bucket " + bucket));
        return key;
    }

    /**
     * Both sides hash-partitioned into buckets; per bucket, a build task (a hash table of the right
     * side's rows, or — past the join memory budget — the right rows cut into pieces on disk) and a
     * task gathering the left side's rows (in memory, or cut into the same pieces when the build spilled),
     * then the bucket's partition probes: batch by batch, or piece by piece ({@link GraceJoinSource}).
     */
    private Stage shuffleJoin(Stage left, Stage right, JoinSpec spec) {
        int id = nextStage++;
        int buckets = shufflePartitions;
        List<String> leftParts = shuffle(left, spec.leftKeys(), spec.singleLongKey(), buckets, "shuffle-left-" + id);
        List<String> rightParts = shuffle(right, spec.rightKeys(), spec.singleLongKey(), buckets, "shuffle-right-" + id);
        List<PartitionPlan> out = new ArrayList<>();
        SpillSpace space = spill;
        for (int b = 0; b < buckets; b++) {
            int bucket = b;
            String build = buildTask(rightParts, spec, "build-" + id + "-" + b, b);
            BufferAllocator q = queryAllocator;
            String gather = "bucket-" + id + "-" + b;
            List<String> deps = new ArrayList<>(leftParts);
            deps.add(build);
            graph.add(new Task(gather, deps, (ctx, inputs) -> {
                Object built = inputs.get(inputs.size() - 1);
                List<SpillableRows> parts = new ArrayList<>();
                for (Object o : inputs.subList(0, inputs.size() - 1)) {
                    parts.add(((SpilledBuckets) o).bucket(bucket));
                }
                try (BufferAllocator work = q.newChildAllocator(ctx.key(), 0, Long.MAX_VALUE)) {
                    if (built instanceof HashPieces pieces) {
                        return HashPieces.write(parts, spec.leftKeys(), spec.left(), spec.singleLongKey(),
                                pieces.pieces(), space, "join-left-" + bucket, work, ctx::isCancelled);
                    }
                    RowBatches rows = new RowBatches();
                    try (BatchSource source = SpillableRows.concat(parts, work)) {
                        while (source.next()) {
                            ctx.checkCancelled();
                            if (source.batch().getRowCount() > 0) {
                                rows.add(Vectors.copy(source.batch(), spec.left().toArrow(), q));
                            }
                        }
                        return rows;
                    } catch (RuntimeException e) {
                        rows.close();
                        throw e;
                    }
                }
            }, "bucket", "bucket " + b));
            out.add(PartitionPlan.of(new Source.TaskOutput(gather, -1)).then(new RowStep.Probe(spec, build)));
        }
        return new Stage(out, spec.output());
    }

    private List<String> shuffle(Stage in, List<Expr> keys, boolean singleLong, int buckets, String prefix) {
        List<String> parts = new ArrayList<>();
        BufferAllocator q = queryAllocator;
        long budget = spillOptions.joinMemoryBudget();
        SpillSpace space = spill;
        MemoryPool pool = shufflePool;
        Schema schema = in.schema();
        for (int i = 0; i < in.partitions().size(); i++) {
            PartitionPlan p = in.partitions().get(i);
            String key = prefix + "-" + i;
            graph.add(new Task(key, p.dependencies(),
                    partitionTask(p, alloc -> new BucketSink(keys, singleLong, schema, buckets, budget, space, pool, alloc, q)),
                    "shuffle",
                    describe(p)));
            parts.add(key);
            shuffleTasks.add(key);
        }
        return parts;
    }

    private static long inputBytes(Stage s) {
        long bytes = 0;
        for (PartitionPlan p : s.partitions()) {
            if (!(p.source() instanceof Source.Csv csv)) {
                return Long.MAX_VALUE;
            }
            bytes += csv.split().length();
        }
        return bytes;
    }

    /**
     * {@code input} lowered again (for a second reading of the same scan, as the sort's sample does),
     * not counted again in {@link #inputPartitions()}.
     */
    Stage lowerUncounted(LogicalPlan input, Set<String> needed) {
        int counted = inputPartitions;
        Stage again = lower(input, needed);
        inputPartitions = counted;
        return again;
    }

    /** Adds a task to the query's graph (for the lowerings that live in classes of their own). */
    void add(Task task) {
        graph.add(task);
    }

    /** A new stage id: names a family of tasks. */
    int nextStageId() {
        return nextStage++;
    }

    // ---------------------------------------------------------------- tasks

    /** One task per partition that is not already a task's plain output; returns their keys in order. */
    List<String> materialize(Stage stage) {
        return materialize(stage, false);
    }

    /**
     * As {@link #materialize(Stage)}; with {@code sortedAsIs}, a sort's range read as it is is returned
     * as the sort task's key (its output a {@link SortedRuns}, which {@link #concat} merges itself).
     */
    private List<String> materialize(Stage stage, boolean sortedAsIs) {
        int id = nextStage++;
        List<String> keys = new ArrayList<>();
        Schema schema = stage.schema();
        BufferAllocator q = queryAllocator;
        for (int i = 0; i < stage.partitions().size(); i++) {
            PartitionPlan p = stage.partitions().get(i);
            if (p.isPlainTaskOutput() || sortedAsIs && p.source() instanceof Source.Sorted && p.steps().isEmpty()
                    && p.limit() == Long.MAX_VALUE) {
                keys.add(p.source().dependency());
                continue;
            }
            String key = key("part", id, i);
            long limit = p.limit();
            graph.add(new Task(key, p.dependencies(),
                    partitionTask(p, alloc -> new CollectSink(schema.toArrow(), q, limit)), "partition", describe(p)));
            keys.add(key);
        }
        if (keys.stream().anyMatch(k -> k.startsWith("part-" + id + "-"))) {
            note("part-" + id, stage, "collect rows");
        }
        return keys;
    }

    /** Makes a sink from the task's allocator. */
    interface SinkFactory<R> extends java.io.Serializable {
        PartitionSink<R> create(BufferAllocator taskAllocator);
    }

    /** Makes a sink from the task's allocator, the task's inputs by key and the task (its cancel flag). */
    interface InputSinkFactory<R> extends java.io.Serializable {
        PartitionSink<R> create(BufferAllocator taskAllocator, Map<String, Object> inputs, TaskContext ctx);
    }

    <R> TaskFunction partitionTask(PartitionPlan plan, SinkFactory<R> sinks) {
        return partitionTask(plan, List.of(), (alloc, inputs, ctx) -> sinks.create(alloc));
    }

    /**
     * A task running {@code plan} into a sink; the task's dependencies are the plan's, then any more
     * the sink reads (in that order).
     */
    <R> TaskFunction partitionTask(PartitionPlan plan, List<String> extra, InputSinkFactory<R> sinks) {
        List<String> deps = new ArrayList<>(plan.dependencies());
        deps.addAll(extra);
        BufferAllocator q = queryAllocator;
        QueryCounters c = counters;
        return (TaskContext ctx, List<Object> inputs) -> {
            Map<String, Object> byKey = new HashMap<>();
            for (int i = 0; i < deps.size(); i++) {
                byKey.put(deps.get(i), inputs.get(i));
            }
            try (BufferAllocator allocator = q.newChildAllocator(ctx.key(), 0, Long.MAX_VALUE);
                    PartitionSink<R> sink = sinks.create(allocator, byKey, ctx)) {
                return PartitionRunner.run(plan, byKey, ctx, allocator, sink, c);
            }
        };
    }

    /** Records what one family of per-partition tasks runs, for {@code explain()}. */
    void note(String family, Stage in, String sink) {
        List<String> pipelines = in.partitions().stream().map(PartitionPlan::pipeline).distinct().toList();
        String pipeline = pipelines.size() == 1 ? pipelines.get(0) : pipelines.get(0) + " (and " + (pipelines.size() - 1) + " more shapes)";
        notes.add(family + "-* (" + in.partitions().size() + " tasks, one per partition): " + pipeline + " -> " + sink);
    }

    private static Stage append(Stage in, RowStep step, Schema out) {
        return new Stage(in.partitions().stream().map(p -> p.then(step)).toList(), out);
    }

    static Stage single(String taskKey, Schema schema) {
        return new Stage(List.of(PartitionPlan.of(new Source.TaskOutput(taskKey, -1))), schema);
    }

    static Set<String> union(Set<String> needed, Set<String> more) {
        if (needed == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>(needed);
        out.addAll(more);
        return out;
    }

    static String key(String kind, int stage, int partition) {
        return String.format("%s-%d-%05d", kind, stage, partition);
    }

    static String describe(PartitionPlan p) {
        return p.source().describe();
    }

    /**
     * All rows of the given {@link RowBatches} (or {@link SortedRuns}, merged), in order, copied into
     * one new batch; {@code cancelled} is polled per batch (a merge of many runs takes a while).
     */
    static VectorSchemaRoot concat(List<Object> parts, Schema schema, BufferAllocator allocator,
            java.util.function.BooleanSupplier cancelled) {
        VectorSchemaRoot out = VectorSchemaRoot.create(schema.toArrow(), allocator);
        try {
            out.allocateNew();
            for (Object part : parts) {
                if (part instanceof SortedRuns runs) {
                    try (BufferAllocator merge = allocator.newChildAllocator("merge", 0, Long.MAX_VALUE);
                            BatchSource source = runs.open(merge)) {
                        while (source.next()) {
                            PartitionPipeline.checkCancelled(cancelled);
                            Vectors.append(source.batch(), out);
                        }
                    }
                    continue;
                }
                for (VectorSchemaRoot batch : ((RowBatches) part).batches()) {
                    PartitionPipeline.checkCancelled(cancelled);
                    Vectors.append(batch, out);
                }
            }
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
