package dev.floe.expressions;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.nullOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL three-valued logic: the full truth tables, over columns and over literals. */
class LogicTest {
    private static final Schema SCHEMA = Schema.of(new Field("a", FloeType.BOOLEAN), new Field("b", FloeType.BOOLEAN));
    private static final Boolean[] VALUES = {true, false, null};
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    /** Rows: every (a, b) pair, repeated to cross an 8-row byte boundary. */
    private VectorSchemaRoot pairs() {
        Object[] a = new Object[27];
        Object[] b = new Object[27];
        for (int i = 0; i < 27; i++) {
            a[i] = VALUES[i % 9 / 3];
            b[i] = VALUES[i % 3];
        }
        Map<String, Object[]> columns = new LinkedHashMap<>();
        columns.put("a", a);
        columns.put("b", b);
        return Batches.root(SCHEMA, columns, 27, allocator);
    }

    private Object[] eval(Expr e, VectorSchemaRoot batch) {
        try (ExprEvaluator evaluator = ExprEvaluator.compile(e, SCHEMA, allocator)) {
            FieldVector v = evaluator.evaluate(batch);
            Object[] out = new Object[batch.getRowCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Values.get(v, i);
            }
            return out;
        }
    }

    @Test
    void andTruthTable() {
        // a = T T T F F F N N N ; b = T F N T F N T F N
        Boolean[] expected = {true, false, null, false, false, false, null, false, null};
        try (VectorSchemaRoot batch = pairs()) {
            assertTable(expected, eval(col("a").and(col("b")), batch));
        }
    }

    @Test
    void orTruthTable() {
        Boolean[] expected = {true, true, true, true, false, null, true, null, null};
        try (VectorSchemaRoot batch = pairs()) {
            assertTable(expected, eval(col("a").or(col("b")), batch));
        }
    }

    @Test
    void notAndNullTests() {
        try (VectorSchemaRoot batch = pairs()) {
            assertTable(new Boolean[] {false, false, false, true, true, true, null, null, null}, eval(col("a").not(), batch));
            assertTable(new Boolean[] {false, false, false, false, false, false, true, true, true}, eval(col("a").isNull(), batch));
            assertTable(new Boolean[] {true, true, false, true, true, false, true, true, false}, eval(col("b").isNotNull(), batch));
        }
    }

    @Test
    void literalOperandsFollowTheSameTables() {
        try (VectorSchemaRoot batch = pairs()) {
            for (Boolean l : VALUES) {
                Expr literal = l == null ? nullOf(FloeType.BOOLEAN) : lit(l);
                Object[] and = eval(literal.and(col("b")), batch);
                Object[] or = eval(col("b").or(literal), batch);
                for (int i = 0; i < 27; i++) {
                    Boolean b = VALUES[i % 3];
                    assertEquals(Oracle.logic(BinaryOp.AND, l, b), and[i], l + " AND " + b);
                    assertEquals(Oracle.logic(BinaryOp.OR, b, l), or[i], b + " OR " + l);
                }
            }
        }
    }

    private static void assertTable(Boolean[] expected, Object[] actual) {
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i % 9], actual[i], "row " + i + " of " + Arrays.toString(actual));
        }
    }
}
