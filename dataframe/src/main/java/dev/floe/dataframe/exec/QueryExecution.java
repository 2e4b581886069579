package dev.floe.dataframe.exec;

import dev.floe.dataframe.Table;
import dev.floe.dataframe.exec.agg.AggregateLayout;
import dev.floe.dataframe.exec.agg.AggregateState;
import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Expr;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import dev.floe.io.CsvDataset;
import dev.floe.io.FileSplit;
import dev.floe.scheduler.Computation;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskContext;
import dev.floe.scheduler.TaskFunction;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import dev.floe.dataframe.QueryMetrics;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers a {@link PhysicalQuery} to a task graph, runs it on a scheduler, and applies the local part to
 * the gathered result.
 *
 * <pre>
 *   aggregate:  chunk-0 ─┐                                  collect:  part-0 ─┐
 *               chunk-1 ─┼─ combine-1-0 ─┐                            part-1 ─┼─ concat ─► table
 *               ...      ┘ (splitEvery)  ├─ ... ─ finalize ─► table   ...    ┘
 *               chunk-8 ─── combine-1-1 ─┘
 *   count:      part-i ─► count
 * </pre>
 *
 * <p>Memory: each query has its own allocator (a child of {@code root}), and each task a child of
 * that; batches a task hands on (a partition's collected rows) come from the query's allocator and are
 * closed by the scheduler as soon as their consumer has run. Aggregate states live on the heap. The
 * result table gets an allocator of its own, which the caller owns through the table. When the query
 * ends, in success or failure, its allocator is closed, which fails loudly if anything leaked.
 */
public final class QueryExecution {
    private static final Logger LOG = LoggerFactory.getLogger(QueryExecution.class);
    private static final AtomicLong QUERY_IDS = new AtomicLong();

    private final PhysicalQuery query;
    private final BufferAllocator root;
    private final int splitEvery;
    private final long id = QUERY_IDS.incrementAndGet();
    private final LongAdder rowsRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private int partitions;
    private int tasks;

    public QueryExecution(PhysicalQuery query, BufferAllocator root, int splitEvery) {
        this.query = query;
        this.root = root;
        this.splitEvery = splitEvery;
    }

    /** The graph {@link #collect} runs, with its output key; for {@code explain}. */
    public TaskGraph graph(BufferAllocator queryAllocator, List<String> outputs, boolean countOnly) {
        CsvDataset dataset = query.scan().dataset();
        List<FileSplit> splits = dataset.splits();
        TaskGraph.Builder graph = TaskGraph.builder();
        List<String> parts = new ArrayList<>();
        if (query.aggregate() != null) {
            for (FileSplit split : splits) {
                String key = String.format("chunk-%05d", split.index());
                graph.add(new Task(key, List.of(), chunkTask(dataset, split, queryAllocator), "chunk", split.describe()));
                parts.add(key);
            }
            String last = combineTree(graph, parts);
            graph.add(new Task("finalize", last == null ? List.of() : List.of(last), finalizeTask(), "finalize", ""));
            outputs.add("finalize");
        } else {
            for (FileSplit split : splits) {
                String key = String.format("part-%05d", split.index());
                graph.add(new Task(key, List.of(), partTask(dataset, split, queryAllocator, countOnly), "partition",
                        split.describe()));
                parts.add(key);
            }
            String out = countOnly ? "count" : "concat";
            graph.add(new Task(out, parts, countOnly ? countTask() : concatTask(), out, ""));
            outputs.add(out);
        }
        return graph.build();
    }

    /** Adds combine tasks merging {@code splitEvery} states at a time until one remains; returns its key. */
    private String combineTree(TaskGraph.Builder graph, List<String> level) {
        int depth = 0;
        while (level.size() > 1) {
            depth++;
            List<String> next = new ArrayList<>();
            for (int start = 0; start < level.size(); start += splitEvery) {
                List<String> group = level.subList(start, Math.min(level.size(), start + splitEvery));
                if (group.size() == 1) {
                    next.add(group.get(0));
                    continue;
                }
                String key = "combine-" + depth + "-" + next.size();
                graph.add(new Task(key, List.copyOf(group), combineTask(), "combine", ""));
                next.add(key);
            }
            level = next;
        }
        return level.isEmpty() ? null : level.get(0);
    }

    /** Runs the query to a table the caller owns. */
    public Table collect(Scheduler scheduler) {
        long started = System.nanoTime();
        Table table = LocalExecutor.apply(query.localOps(), run(scheduler, false, Table.class), root);
        QueryMetrics metrics = new QueryMetrics(rowsRead.sum(), bytesRead.sum(), partitions, tasks,
                System.nanoTime() - started);
        return new Table(table.schema(), table.root(), table.allocator(), metrics);
    }

    /** Counts the rows of a query whose per-partition part is all there is. */
    public long count(Scheduler scheduler) {
        if (query.aggregate() != null || !query.localOps().isEmpty()) {
            try (Table t = collect(scheduler)) {
                return t.rowCount();
            }
        }
        return run(scheduler, true, Long.class);
    }

    private <T> T run(Scheduler scheduler, boolean countOnly, Class<T> type) {
        long started = System.nanoTime();
        BufferAllocator queryAllocator = root.newChildAllocator("query-" + id, 0, Long.MAX_VALUE);
        try (queryAllocator) {
            List<String> outputs = new ArrayList<>();
            TaskGraph graph = graph(queryAllocator, outputs, countOnly);
            tasks = graph.size();
            partitions = query.scan().dataset().splits().size();
            Computation computation = scheduler.submit(graph, outputs);
            Map<String, Object> results;
            try {
                results = computation.get();
            } catch (RuntimeException e) {
                // Tasks still running hold memory of this query's allocator: let them finish first.
                computation.cancel();
                awaitQuiescence(computation);
                throw e;
            }
            T result = type.cast(results.get(outputs.get(0)));
            LOG.debug("query {} ran {} tasks in {} ms", id, graph.size(), (System.nanoTime() - started) / 1_000_000);
            return result;
        }
    }

    private static void awaitQuiescence(Computation computation) {
        try {
            if (!computation.awaitQuiescence(60, TimeUnit.SECONDS)) {
                LOG.warn("tasks of a failed query were still running after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TaskFunction chunkTask(CsvDataset dataset, FileSplit split, BufferAllocator queryAllocator) {
        PhysicalQuery q = query;
        return (TaskContext ctx, List<Object> inputs) -> {
            Schema input = q.partitionSchema();
            List<Expr> keys = q.aggregate().keys();
            List<AggregateCall> calls = calls(q);
            AggregateLayout layout = layout(q, input, calls);
            try (BufferAllocator allocator = queryAllocator.newChildAllocator(ctx.key(), 0, Long.MAX_VALUE);
                    BatchSource source = csvSource(dataset, split, allocator, q.scanColumns(false));
                    Operators ops = new Operators(PartitionPipeline.compile(q.rowOps(), allocator));
                    AggregateSink sink = new AggregateSink(layout, keys, calls, input, allocator)) {
                return PartitionPipeline.run(source, ops.list(), sink, ctx::isCancelled);
            }
        };
    }

    private TaskFunction partTask(CsvDataset dataset, FileSplit split, BufferAllocator queryAllocator, boolean countOnly) {
        PhysicalQuery q = query;
        return (TaskContext ctx, List<Object> inputs) -> {
            try (BufferAllocator allocator = queryAllocator.newChildAllocator(ctx.key(), 0, Long.MAX_VALUE);
                    BatchSource source = csvSource(dataset, split, allocator, q.scanColumns(countOnly));
                    Operators ops = new Operators(PartitionPipeline.compile(q.rowOps(), allocator))) {
                if (countOnly) {
                    try (CountSink sink = new CountSink()) {
                        return PartitionPipeline.run(source, ops.list(), sink, ctx::isCancelled);
                    }
                }
                try (CollectSink sink = new CollectSink(q.partitionSchema().toArrow(), queryAllocator, q.partitionLimit())) {
                    return PartitionPipeline.run(source, ops.list(), sink, ctx::isCancelled);
                }
            }
        };
    }

    private static TaskFunction combineTask() {
        return (ctx, inputs) -> {
            AggregateState first = (AggregateState) inputs.get(0);
            for (int i = 1; i < inputs.size(); i++) {
                first.merge((AggregateState) inputs.get(i));
            }
            return first;
        };
    }

    private TaskFunction finalizeTask() {
        PhysicalQuery q = query;
        BufferAllocator rootAllocator = root;
        long queryId = id;
        return (ctx, inputs) -> {
            Schema schema = q.aggregate().schema();
            AggregateState state = inputs.isEmpty()
                    ? new AggregateState(layout(q, q.partitionSchema(), calls(q)))
                    : (AggregateState) inputs.get(0);
            BufferAllocator allocator = rootAllocator.newChildAllocator("result-" + queryId, 0, Long.MAX_VALUE);
            try {
                return new Table(schema, state.toBatch(schema.toArrow(), allocator), allocator);
            } catch (RuntimeException e) {
                allocator.close();
                throw e;
            }
        };
    }

    private TaskFunction concatTask() {
        PhysicalQuery q = query;
        BufferAllocator rootAllocator = root;
        long queryId = id;
        return (ctx, inputs) -> {
            Schema schema = q.partitionSchema();
            BufferAllocator allocator = rootAllocator.newChildAllocator("result-" + queryId, 0, Long.MAX_VALUE);
            VectorSchemaRoot out = null;
            try {
                out = VectorSchemaRoot.create(schema.toArrow(), allocator);
                out.allocateNew();
                long remaining = q.partitionLimit();
                for (Object part : inputs) {
                    for (VectorSchemaRoot batch : ((RowBatches) part).batches()) {
                        if (remaining <= 0) {
                            break;
                        }
                        VectorSchemaRoot piece = batch.getRowCount() > remaining ? batch.slice(0, (int) remaining) : batch;
                        try {
                            Vectors.append(piece, out);
                        } finally {
                            if (piece != batch) {
                                piece.close();
                            }
                        }
                        remaining -= piece.getRowCount();
                    }
                }
                return new Table(schema, out, allocator);
            } catch (RuntimeException e) {
                if (out != null) {
                    out.close();
                }
                allocator.close();
                throw e;
            }
        };
    }

    private static TaskFunction countTask() {
        return (ctx, inputs) -> {
            long n = 0;
            for (Object o : inputs) {
                n += (Long) o;
            }
            return n;
        };
    }

    private static List<AggregateCall> calls(PhysicalQuery q) {
        List<AggregateCall> calls = new ArrayList<>();
        for (int i = 0; i < q.aggregate().aggregates().size(); i++) {
            calls.add(q.aggregate().call(i));
        }
        return calls;
    }

    private static AggregateLayout layout(PhysicalQuery q, Schema input, List<AggregateCall> calls) {
        List<FloeType> keyTypes = q.aggregate().keys().stream().map(k -> TypeChecker.typeOf(k, input)).toList();
        return AggregateLayout.of(keyTypes, calls, input);
    }

    private BatchSource csvSource(CsvDataset dataset, FileSplit split, BufferAllocator allocator, int[] columns) {
        var reader = dataset.openSplit(split, allocator, columns);
        return new BatchSource() {
            @Override
            public boolean next() {
                return reader.next();
            }

            @Override
            public VectorSchemaRoot batch() {
                return reader.batch();
            }

            @Override
            public void close() {
                rowsRead.add(reader.rowsRead());
                bytesRead.add(reader.bytesRead());
                reader.close();
            }
        };
    }

    /** The row operators of a task, closed together. */
    private record Operators(List<RowOperator> list) implements AutoCloseable {
        @Override
        public void close() {
            list.forEach(RowOperator::close);
        }
    }
}
