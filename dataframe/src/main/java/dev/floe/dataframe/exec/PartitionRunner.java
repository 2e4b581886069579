package dev.floe.dataframe.exec;

import dev.floe.io.CsvBatchReader;
import dev.floe.io.RejectLog;
import dev.floe.scheduler.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Runs a {@link PartitionPlan} inside a task: opens its source, compiles its steps, feeds a sink. */
final class PartitionRunner {
    private PartitionRunner() {
    }

    /**
     * @param inputs the results of the task's dependencies, by task key
     * @param allocator the task's own allocator, for everything that dies with the task
     */
    static <R> R run(PartitionPlan plan, Map<String, Object> inputs, TaskContext ctx, BufferAllocator allocator,
            PartitionSink<R> sink, QueryCounters counters) {
        List<RowStep> steps = plan.steps();
        if (isGraceJoin(plan, inputs)) {
            // a shuffle join bucket whose build side spilled: the source is the join itself, piece by piece
            RowStep.Probe probe = (RowStep.Probe) steps.get(0);
            try (BatchSource source = new GraceJoinSource((HashPieces) inputs.get(plan.source().dependency()),
                    (HashPieces) inputs.get(probe.buildKey()), probe.join(), allocator);
                    Operators ops = compile(steps.subList(1, steps.size()), inputs, allocator)) {
                return PartitionPipeline.run(source, ops.list(), sink, ctx::isCancelled, ctx::reportOutput);
            }
        }
        try (BatchSource source = open(plan.source(), inputs, allocator, counters, ctx);
                Operators ops = compile(steps, inputs, allocator)) {
            return PartitionPipeline.run(source, ops.list(), sink, ctx::isCancelled, ctx::reportOutput);
        }
    }

    private static boolean isGraceJoin(PartitionPlan plan, Map<String, Object> inputs) {
        return plan.source() instanceof Source.TaskOutput t && t.bucket() < 0 && !plan.steps().isEmpty()
                && plan.steps().get(0) instanceof RowStep.Probe probe
                && GraceJoinSource.applies(inputs.get(t.key()), inputs.get(probe.buildKey()));
    }

    private static BatchSource open(Source source, Map<String, Object> inputs, BufferAllocator allocator,
            QueryCounters counters, TaskContext ctx) {
        if (source instanceof Source.Csv csv) {
            return csvSource(csv.dataset().openSplit(csv.split(), allocator, csv.columns()),
                    counters.rejectLog(csv.dataset()), counters, ctx);
        }
        if (source instanceof Source.TaskOutput t) {
            Object result = inputs.get(t.key());
            RowBatches rows = t.bucket() >= 0 ? ((Buckets) result).bucket(t.bucket()) : (RowBatches) result;
            return listSource(rows.batches());
        }
        if (source instanceof Source.Sorted sorted) {
            return ((SortedRuns) inputs.get(sorted.key())).open(allocator);
        }
        Source.Memory m = (Source.Memory) source;
        return listSource(m.data().partition(m.partition()));
    }

    private static Operators compile(List<RowStep> steps, Map<String, Object> inputs, BufferAllocator allocator) {
        List<RowOperator> ops = new ArrayList<>(steps.size());
        try {
            for (RowStep step : steps) {
                if (step instanceof RowStep.Filter f) {
                    ops.add(new FilterOperator(f.predicate(), f.input(), allocator));
                } else if (step instanceof RowStep.Project p) {
                    ops.add(new ProjectOperator(p.exprs(), p.input(), p.output(), allocator));
                } else if (step instanceof RowStep.Map m) {
                    ops.add(new MapOperator(m.function(), m.output(), allocator));
                } else {
                    RowStep.Probe probe = (RowStep.Probe) step;
                    ops.add(new ProbeOperator(probe.join(), (JoinBuild) inputs.get(probe.buildKey()), allocator));
                }
            }
            return new Operators(ops);
        } catch (RuntimeException e) {
            ops.forEach(RowOperator::close);
            throw e;
        }
    }

    /** Batches the caller keeps owning. */
    static BatchSource listSource(List<VectorSchemaRoot> batches) {
        return new BatchSource() {
            private int next;

            @Override
            public boolean next() {
                return next++ < batches.size();
            }

            @Override
            public VectorSchemaRoot batch() {
                return batches.get(next - 1);
            }

            @Override
            public void close() {
            }
        };
    }

    /** A split's batches; reports rows and bytes read to the scheduler's progress after each batch. */
    private static BatchSource csvSource(CsvBatchReader reader, RejectLog rejects, QueryCounters counters,
            TaskContext ctx) {
        reader.shareRejects(rejects);
        ctx.onRetry(reader::retractFromLog);   // a failed attempt's rows and rejects must not count twice
        return new BatchSource() {
            private long rowsReported;
            private long bytesReported;

            @Override
            public boolean next() {
                boolean more = reader.next();
                long rows = reader.rowsRead();
                long bytes = reader.bytesRead();
                ctx.reportProgress(rows - rowsReported, bytes - bytesReported);
                rowsReported = rows;
                bytesReported = bytes;
                return more;
            }

            @Override
            public VectorSchemaRoot batch() {
                return reader.batch();
            }

            @Override
            public void close() {
                long rows = reader.rowsRead();
                long bytes = reader.bytesRead();
                long rejected = reader.rowsRejected();
                long replaced = reader.replacements();
                counters.rowsRead.add(rows);
                counters.bytesRead.add(bytes);
                counters.rowsRejected.add(rejected);
                counters.utf8Replacements.add(replaced);
                ctx.onRetry(() -> {
                    counters.rowsRead.add(-rows);
                    counters.bytesRead.add(-bytes);
                    counters.rowsRejected.add(-rejected);
                    counters.utf8Replacements.add(-replaced);
                });
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
