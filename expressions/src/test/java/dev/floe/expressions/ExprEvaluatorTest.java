package dev.floe.expressions;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The evaluator's contract: ownership and reuse of results, which columns a batch needs, errors. */
class ExprEvaluatorTest {
    private static final Schema SCHEMA = Batches.ALL_TYPES;
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private VectorSchemaRoot batch(Schema schema, int rows, long seed) {
        return Batches.root(schema, Batches.random(schema, rows, 0.1, new Random(seed)), rows, allocator);
    }

    @Test
    void bareColumnIsTheBatchsOwnVector() {
        try (VectorSchemaRoot batch = batch(SCHEMA, 10, 1);
             ExprEvaluator e = ExprEvaluator.compile(col("s1").as("name"), SCHEMA, allocator)) {
            assertSame(batch.getVector("s1"), e.evaluate(batch));
            assertEquals(FloeType.STRING, e.type());
        }
    }

    @Test
    void resultIsReusedAndGrowsOnlyForBiggerBatches() {
        try (ExprEvaluator e = ExprEvaluator.compile(col("i1").mul(2).gt(col("f1")), SCHEMA, allocator)) {
            FieldVector first;
            long allocated;
            try (VectorSchemaRoot batch = batch(SCHEMA, 100, 1)) {
                first = e.evaluate(batch);
                allocated = allocator.getAllocatedMemory();
                assertSame(first, e.evaluate(batch));
                assertEquals(allocated, allocator.getAllocatedMemory());
            }
            try (VectorSchemaRoot small = batch(SCHEMA, 3, 2)) {
                FieldVector again = e.evaluate(small);
                assertSame(first, again);
                assertEquals(3, again.getValueCount());
            }
            try (VectorSchemaRoot big = batch(SCHEMA, 5000, 3)) {
                FieldVector grown = e.evaluate(big);
                assertEquals(5000, grown.getValueCount());
            }
        }
    }

    @Test
    void batchNeedsOnlyTheColumnsTheExpressionReads() {
        Schema onlyTime = Schema.of(new Field("t1", FloeType.TIMESTAMP));
        try (VectorSchemaRoot batch = Batches.root(onlyTime, Map.of("t1", new Object[] {3_600_000_000L * 5, null}), 2, allocator);
             ExprEvaluator e = ExprEvaluator.compile(col("t1").dt().hour(), SCHEMA, allocator)) {
            FieldVector hours = e.evaluate(batch);
            assertEquals(5L, Values.get(hours, 0));
            assertEquals(null, Values.get(hours, 1));
        }
    }

    @Test
    void missingOrMistypedBatchColumnIsReported() {
        Schema wrong = Schema.of(new Field("i1", FloeType.STRING));
        try (VectorSchemaRoot batch = Batches.root(wrong, Map.of("i1", new Object[] {"x"}), 1, allocator);
             ExprEvaluator plus = ExprEvaluator.compile(col("i1").add(1), SCHEMA, allocator);
             ExprEvaluator other = ExprEvaluator.compile(col("i2").add(1), SCHEMA, allocator)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plus.evaluate(batch));
            assertEquals("column 'i1' of the batch is VARCHAR but the schema the expression was compiled against says BIGINT",
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> other.evaluate(batch));
            assertEquals("the batch has no column 'i2' that the expression reads; it has [i1]", e.getMessage());
        }
    }

    @Test
    void constantsAreBroadcastToTheBatch() {
        try (ExprEvaluator e = ExprEvaluator.compile(lit(40).add(lit(2)).as("answer"), SCHEMA, allocator)) {
            for (int rows : new int[] {3, 0, 70}) {
                try (VectorSchemaRoot batch = batch(SCHEMA, rows, rows)) {
                    FieldVector v = e.evaluate(batch);
                    assertEquals(rows, v.getValueCount());
                    for (int i = 0; i < rows; i++) {
                        assertEquals(42L, Values.get(v, i));
                    }
                }
            }
        }
    }

    @Test
    void overflowNamesExpressionRowAndOperands() {
        Schema schema = Schema.of(new Field("x", FloeType.INT64));
        Object[] x = {1L, null, 2L};
        try (VectorSchemaRoot batch = Batches.root(schema, Map.of("x", x), 3, allocator);
             ExprEvaluator plus = ExprEvaluator.compile(col("x").add(Long.MAX_VALUE - 1), schema, allocator);
             ExprEvaluator minus = ExprEvaluator.compile(col("x").sub(Long.MAX_VALUE).sub(2).negate(), schema, allocator)) {
            EvaluationException e = assertThrows(EvaluationException.class, () -> plus.evaluate(batch));
            assertEquals("BIGINT overflow in (x + 9223372036854775806) at row 2: 2 + 9223372036854775806 does not fit"
                    + " in 64 bits; cast an operand to DOUBLE", e.getMessage());
            assertTrue(e.getCause() instanceof ArithmeticException);
            e = assertThrows(EvaluationException.class, () -> minus.evaluate(batch));
            assertTrue(e.getMessage().startsWith("BIGINT overflow in (- ((x - 9223372036854775807) - 2)) at row 0: -(-9223372036854775808)"), e.getMessage());
        }
    }

    @Test
    void divisionByZeroIsNull() {
        Schema schema = Schema.of(new Field("x", FloeType.INT64), new Field("y", FloeType.FLOAT64));
        try (VectorSchemaRoot batch = Batches.root(schema, Map.of("x", new Object[] {7L, 0L}, "y", new Object[] {0.0, -0.0}), 2, allocator);
             ExprEvaluator mod = ExprEvaluator.compile(col("x").mod(col("x")), schema, allocator);
             ExprEvaluator div = ExprEvaluator.compile(col("x").div(0), schema, allocator);
             ExprEvaluator fdiv = ExprEvaluator.compile(lit(1.0).div(col("y")), schema, allocator)) {
            FieldVector m = mod.evaluate(batch);
            assertEquals(0L, Values.get(m, 0));
            assertEquals(null, Values.get(m, 1));
            FieldVector d = div.evaluate(batch);
            assertEquals(null, Values.get(d, 0));
            assertEquals(null, Values.get(d, 1));
            FieldVector f = fdiv.evaluate(batch);
            assertEquals(null, Values.get(f, 1));
            assertEquals(FloeType.FLOAT64, div.type());
        }
    }

    @Test
    void compileErrorsArePlanExceptions() {
        PlanException e = assertThrows(PlanException.class, () -> ExprEvaluator.compile(col("t2").dt().hour().add(col("vlaue")),
                Schema.of(new Field("t2", FloeType.TIMESTAMP), new Field("value", FloeType.FLOAT64)), allocator));
        assertEquals("column 'vlaue' not found; did you mean 'value'? Columns: t2, value", e.getMessage());
        e = assertThrows(PlanException.class, () -> ExprEvaluator.compile(mean("f1").add(1), SCHEMA, allocator));
        assertTrue(e.getMessage().startsWith("aggregate avg(f1) is not allowed here"), e.getMessage());
        e = assertThrows(PlanException.class, () -> ExprEvaluator.compile(col("s1").add(1), SCHEMA, allocator));
        assertEquals("operator + cannot take VARCHAR and BIGINT in (s1 + 1)", e.getMessage());
    }

    @Test
    void closeFreesEverythingTheEvaluatorOwned() {
        try (VectorSchemaRoot batch = batch(SCHEMA, 500, 1)) {
            long batchOnly = allocator.getAllocatedMemory();
            ExprEvaluator e = ExprEvaluator.compile(col("i1").cast(FloeType.STRING).isNull().or(col("f1").gt(0.5)), SCHEMA, allocator);
            assertNotSame(batch.getVector("f1"), e.evaluate(batch));
            assertTrue(allocator.getAllocatedMemory() > batchOnly);
            e.close();
            e.close();
            assertEquals(batchOnly, allocator.getAllocatedMemory());
            assertThrows(IllegalStateException.class, () -> e.evaluate(batch));
        }
    }

    @Test
    void stringLiteralComparedWithTimestampIsParsedOnce() {
        Schema schema = Schema.of(new Field("ts", FloeType.TIMESTAMP));
        Object[] ts = {Temporal.toMicros(java.time.LocalDateTime.of(2024, 1, 1, 0, 0)), 0L, null};
        try (VectorSchemaRoot batch = Batches.root(schema, Map.of("ts", ts), 3, allocator);
             ExprEvaluator e = ExprEvaluator.compile(col("ts").ge("2024-01-01"), schema, allocator)) {
            assertEquals("(ts >= CAST('2024-01-01' AS TIMESTAMP))", e.expression().toSql());
            FieldVector v = e.evaluate(batch);
            assertEquals(true, Values.get(v, 0));
            assertEquals(false, Values.get(v, 1));
            assertEquals(null, Values.get(v, 2));
        }
    }
}
