package dev.floe.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The check the oracle tests share: a compiled expression evaluated over one batch of {@code columns} must give,
 * row by row, what a plain one-row-at-a-time oracle gives, or fail with an EvaluationException where the oracle
 * says {@link Oracle#ERROR} for some row.
 */
final class OracleCheck {
    /** The answer for one row, or {@link Oracle#ERROR}. */
    interface RowOracle {
        Object eval(Expr coerced, Schema schema, Map<String, Object[]> columns, int row);
    }

    private OracleCheck() {
    }

    /** {@code checkType}: also that the result vector's Arrow type is the evaluator's type. */
    static void check(ExprEvaluator evaluator, Schema schema, Map<String, Object[]> columns, int rows,
            BufferAllocator allocator, RowOracle oracle, boolean checkType) {
        Expr coerced = evaluator.expression();
        List<Object> expected = new ArrayList<>();
        boolean error = false;
        for (int i = 0; i < rows; i++) {
            Object v = oracle.eval(coerced, schema, columns, i);
            error |= v == Oracle.ERROR;
            expected.add(v);
        }
        try (VectorSchemaRoot batch = Batches.root(schema, columns, rows, allocator)) {
            if (error) {
                assertThrows(EvaluationException.class, () -> evaluator.evaluate(batch), coerced::toSql);
                return;
            }
            FieldVector result = evaluator.evaluate(batch);
            assertEquals(rows, result.getValueCount(), coerced::toSql);
            if (checkType) {
                assertEquals(evaluator.type(), FloeType.fromArrow(result.getField().getType()));
            }
            for (int i = 0; i < rows; i++) {
                int row = i;
                assertEquals(expected.get(i), Values.get(result, i),
                        () -> coerced.toSql() + " row " + row + " of " + rows + ": " + rowText(columns, row));
            }
        }
    }

    static String rowText(Map<String, Object[]> columns, int row) {
        StringBuilder sb = new StringBuilder();
        columns.forEach((name, values) -> sb.append(name).append('=').append(values[row]).append(' '));
        return sb.toString();
    }
}
