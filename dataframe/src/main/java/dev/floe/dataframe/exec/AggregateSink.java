package dev.floe.dataframe.exec;

import dev.floe.dataframe.exec.agg.AggregateLayout;
import dev.floe.dataframe.exec.agg.AggregateState;
import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The {@code chunk} step of an aggregation: evaluates keys and inputs per batch into a partial state. */
public final class AggregateSink implements PartitionSink<AggregateState> {
    private final List<ExprEvaluator> keys = new ArrayList<>();
    private final List<ExprEvaluator> inputs = new ArrayList<>();
    private final AggregateState state;
    private final FieldVector[] keyVectors;
    private final FieldVector[] inputVectors;
    private int[] groupIds = new int[0];

    public AggregateSink(AggregateLayout layout, List<Expr> keyExprs, List<AggregateCall> calls, Schema input,
            BufferAllocator allocator) {
        this.state = new AggregateState(layout);
        try {
            for (Expr k : keyExprs) {
                keys.add(ExprEvaluator.compile(k, input, allocator));
            }
            for (AggregateCall c : calls) {
                inputs.add(c.input() == null ? null : ExprEvaluator.compile(c.input(), input, allocator));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.keyVectors = new FieldVector[keys.size()];
        this.inputVectors = new FieldVector[inputs.size()];
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        if (groupIds.length < rows) {
            groupIds = new int[rows];
        }
        for (int i = 0; i < keyVectors.length; i++) {
            keyVectors[i] = keys.get(i).evaluate(batch);
        }
        for (int i = 0; i < inputVectors.length; i++) {
            ExprEvaluator ev = inputs.get(i);
            inputVectors[i] = ev == null ? null : ev.evaluate(batch);
        }
        state.update(keyVectors, inputVectors, rows, groupIds);
    }

    @Override
    public AggregateState result() {
        return state;
    }

    @Override
    public void close() {
        for (ExprEvaluator e : keys) {
            e.close();
        }
        for (ExprEvaluator e : inputs) {
            if (e != null) {
                e.close();
            }
        }
    }
}
