package dev.floe.dataframe.exec;

import dev.floe.dataframe.Table;
import dev.floe.dataframe.exec.agg.AggregateLayout;
import dev.floe.dataframe.exec.agg.AggregateState;
import dev.floe.dataframe.plan.Aggregate;
import dev.floe.dataframe.plan.Filter;
import dev.floe.dataframe.plan.Limit;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs the local part of a query — the operators after the per-partition part — over the gathered
 * result table, on the caller's thread. Each step makes a new table and closes the one before.
 */
public final class LocalExecutor {
    private static final AtomicLong IDS = new AtomicLong();

    private LocalExecutor() {
    }

    public static Table apply(List<LogicalPlan> ops, Table input, BufferAllocator root) {
        Table table = input;
        try {
            for (LogicalPlan op : ops) {
                Table next = step(op, table, root);
                table.close();
                table = next;
            }
            return table;
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    private static Table step(LogicalPlan op, Table in, BufferAllocator root) {
        BufferAllocator allocator = root.newChildAllocator("local-" + IDS.incrementAndGet(), 0, Long.MAX_VALUE);
        try {
            Schema schema = op.schema();
            VectorSchemaRoot out;
            if (op instanceof Filter || op instanceof Project) {
                out = rowOp(op, in, allocator);
            } else if (op instanceof Aggregate a) {
                out = aggregate(a, in, allocator);
            } else if (op instanceof Sort s) {
                out = gather(in, TableSorter.order(in, s.keys(), allocator), allocator);
            } else if (op instanceof Limit l) {
                int from = (int) Math.min(l.offset(), in.rowCount());
                int to = (int) Math.min((long) in.rowCount(), from + l.limit());
                int[] rows = new int[to - from];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = from + i;
                }
                out = gather(in, rows, allocator);
            } else {
                throw new IllegalStateException("no local operator for " + op.describe());
            }
            return new Table(schema, out, allocator);
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    private static VectorSchemaRoot rowOp(LogicalPlan op, Table in, BufferAllocator allocator) {
        try (BufferAllocator work = allocator.newChildAllocator("work", 0, Long.MAX_VALUE);
                BatchSource source = BatchSource.of(in.root())) {
            List<RowOperator> ops = PartitionPipeline.compile(List.of(op), work);
            try (CollectSink sink = new CollectSink(op.schema().toArrow(), allocator, Long.MAX_VALUE);
                    RowBatches rows = PartitionPipeline.run(source, ops, sink, () -> false)) {
                VectorSchemaRoot out = VectorSchemaRoot.create(op.schema().toArrow(), allocator);
                out.allocateNew();
                for (VectorSchemaRoot b : rows.batches()) {
                    Vectors.append(b, out);
                }
                return out;
            } finally {
                ops.forEach(RowOperator::close);
            }
        }
    }

    private static VectorSchemaRoot aggregate(Aggregate a, Table in, BufferAllocator allocator) {
        Schema input = in.schema();
        List<AggregateCall> calls = new ArrayList<>();
        for (int i = 0; i < a.aggregates().size(); i++) {
            calls.add(a.call(i));
        }
        List<FloeType> keyTypes = a.keys().stream().map(k -> TypeChecker.typeOf(k, input)).toList();
        AggregateLayout layout = AggregateLayout.of(keyTypes, calls, input);
        try (BufferAllocator work = allocator.newChildAllocator("work", 0, Long.MAX_VALUE);
                AggregateSink sink = new AggregateSink(layout, a.keys(), calls, input, work);
                BatchSource source = BatchSource.of(in.root())) {
            AggregateState state = PartitionPipeline.run(source, List.of(), sink, () -> false);
            return state.toBatch(a.schema().toArrow(), allocator);
        }
    }

    private static VectorSchemaRoot gather(Table in, int[] rows, BufferAllocator allocator) {
        VectorSchemaRoot out = VectorSchemaRoot.create(in.root().getSchema(), allocator);
        try {
            Vectors.gather(in.root(), rows, rows.length, out);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
