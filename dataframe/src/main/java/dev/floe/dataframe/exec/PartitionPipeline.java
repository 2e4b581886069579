package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Filter;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One partition's work, streaming: each batch from the source goes through the row operators and into
 * the sink before the next batch is read, so a partition is never held in memory whole.
 *
 * <pre>
 *   source ─► batch ─► filter ─► project ─► ... ─► sink.accept      (repeat until the source ends)
 *                      (an operator may make several outputs of one batch: each goes on down in turn)
 *                                                  sink.result ─► the task's result
 * </pre>
 */
public final class PartitionPipeline {
    private PartitionPipeline() {
    }

    /** Compiles the row operators ({@link Filter}s and {@link Project}s, bottom-up) of a pipeline. */
    public static List<RowOperator> compile(List<LogicalPlan> rowOps, BufferAllocator allocator) {
        List<RowOperator> ops = new ArrayList<>(rowOps.size());
        try {
            for (LogicalPlan node : rowOps) {
                if (node instanceof Filter f) {
                    ops.add(new FilterOperator(f.predicate(), f.input().schema(), allocator));
                } else if (node instanceof Project p) {
                    ops.add(new ProjectOperator(p.exprs(), p.input().schema(), p.schema(), allocator));
                } else {
                    throw new IllegalArgumentException("not a row operator: " + node.describe());
                }
            }
            return ops;
        } catch (RuntimeException e) {
            ops.forEach(RowOperator::close);
            throw e;
        }
    }

    /** Runs the pipeline to the end of the source (or until the sink is satisfied) and returns the result. */
    public static <R> R run(BatchSource source, List<RowOperator> ops, PartitionSink<R> sink, BooleanSupplier cancelled) {
        return run(source, ops, sink, cancelled, rows -> { });
    }

    /**
     * As above, telling {@code rowsOut} how many rows reached the sink, batch by batch. {@code cancelled}
     * is polled before every batch the source gives and before every further output batch an operator
     * makes from one input (a row-multiplying join), so a cancel stops the task within one bounded batch.
     */
    public static <R> R run(BatchSource source, List<RowOperator> ops, PartitionSink<R> sink, BooleanSupplier cancelled,
            LongConsumer rowsOut) {
        while (!sink.isSatisfied() && source.next()) {
            checkCancelled(cancelled);
            push(source.batch(), ops, 0, sink, cancelled, rowsOut);
        }
        return sink.result();
    }

    /** Runs {@code batch} through operators {@code from..} into the sink, with every output each one makes of it. */
    private static void push(VectorSchemaRoot batch, List<RowOperator> ops, int from, PartitionSink<?> sink,
            BooleanSupplier cancelled, LongConsumer rowsOut) {
        if (from == ops.size()) {
            sink.accept(batch);
            rowsOut.accept(batch.getRowCount());
            return;
        }
        RowOperator op = ops.get(from);
        VectorSchemaRoot out = op.apply(batch);
        while (out != null) {
            push(out, ops, from + 1, sink, cancelled, rowsOut);
            if (sink.isSatisfied()) {
                return;
            }
            checkCancelled(cancelled);
            out = op.more();
        }
    }

    /** @throws CancellationException if the query was cancelled (or another of its tasks failed) */
    static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("query cancelled");
        }
    }
}
