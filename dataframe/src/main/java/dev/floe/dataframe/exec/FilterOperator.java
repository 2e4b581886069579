package dev.floe.dataframe.exec;

import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.Schema;
import dev.floe.expressions.Selection;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Keeps the rows whose predicate is TRUE. Rows are compacted into a batch this operator owns (reused
 * from batch to batch), so that later steps never evaluate anything over a row the filter dropped; a
 * batch whose rows all pass goes through untouched. The output has the columns the input batch has
 * (a scan may have left out columns no one reads).
 */
public final class FilterOperator implements RowOperator {
    private final ExprEvaluator predicate;
    private final BufferAllocator allocator;
    private VectorSchemaRoot output;
    private int[] selection = new int[0];

    public FilterOperator(Expr predicate, Schema inputSchema, BufferAllocator allocator) {
        this.predicate = ExprEvaluator.compile(predicate, inputSchema, allocator);
        this.allocator = allocator;
    }

    @Override
    public VectorSchemaRoot apply(VectorSchemaRoot input) {
        int rows = input.getRowCount();
        if (selection.length < rows) {
            selection = new int[Math.max(rows, selection.length * 2)];
        }
        int selected = Selection.select((BitVector) predicate.evaluate(input), rows, selection);
        if (selected == rows) {
            return input;
        }
        if (output == null || !output.getSchema().equals(input.getSchema())) {
            if (output != null) {
                output.close();
            }
            output = VectorSchemaRoot.create(input.getSchema(), allocator);
        }
        Vectors.gather(input, selection, selected, output);
        return output;
    }

    @Override
    public void close() {
        try (predicate) {
            if (output != null) {
                output.close();
            }
        }
    }
}
