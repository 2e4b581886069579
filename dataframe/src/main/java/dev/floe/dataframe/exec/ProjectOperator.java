package dev.floe.dataframe.exec;

import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Computes one column per expression. The output batch only points at vectors that the evaluators own
 * (or, for a bare column, at the input's own vector): nothing is copied.
 */
public final class ProjectOperator implements RowOperator {
    private final List<ExprEvaluator> evaluators = new ArrayList<>();
    private final org.apache.arrow.vector.types.pojo.Schema outputSchema;

    public ProjectOperator(List<Expr> exprs, Schema inputSchema, Schema outputSchema, BufferAllocator allocator) {
        this.outputSchema = outputSchema.toArrow();
        try {
            for (Expr e : exprs) {
                evaluators.add(ExprEvaluator.compile(e, inputSchema, allocator));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public VectorSchemaRoot apply(VectorSchemaRoot input) {
        List<FieldVector> vectors = new ArrayList<>(evaluators.size());
        for (ExprEvaluator ev : evaluators) {
            vectors.add(ev.evaluate(input));
        }
        return new VectorSchemaRoot(outputSchema, vectors, input.getRowCount());
    }

    @Override
    public void close() {
        for (ExprEvaluator ev : evaluators) {
            ev.close();
        }
        evaluators.clear();
    }
}
