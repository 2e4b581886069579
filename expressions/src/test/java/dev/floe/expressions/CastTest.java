package dev.floe.expressions;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Casts to and from VARCHAR (text forms, strict parsing, error messages) and the numeric edge cases. */
class CastTest {
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    /** {@code CAST(x AS to)} over a one-column batch holding {@code values}. */
    private Object[] cast(FloeType from, FloeType to, Object... values) {
        Schema schema = Schema.of(new Field("x", from));
        try (VectorSchemaRoot batch = Batches.root(schema, Map.of("x", values), values.length, allocator);
             ExprEvaluator e = ExprEvaluator.compile(col("x").cast(to), schema, allocator)) {
            FieldVector v = e.evaluate(batch);
            Object[] out = new Object[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Values.get(v, i);
            }
            return out;
        }
    }

    private static void assertValues(Object[] actual, Object... expected) {
        assertEquals(Arrays.asList(expected), Arrays.asList(actual));
    }

    @Test
    void toStringUsesTheTextForms() {
        assertValues(cast(FloeType.INT64, FloeType.STRING, 0L, -42L, null, Long.MIN_VALUE, Long.MAX_VALUE),
                "0", "-42", null, "-9223372036854775808", "9223372036854775807");
        assertValues(cast(FloeType.FLOAT64, FloeType.STRING, 0.1, 1.0, 1e20, 1e-7, null, Double.NaN, -0.0),
                "0.1", "1.0", "1.0E20", "1.0E-7", null, "NaN", "-0.0");
        assertValues(cast(FloeType.BOOLEAN, FloeType.STRING, true, null, false), "true", null, "false");
        assertValues(cast(FloeType.TIMESTAMP, FloeType.STRING, 0L, -1L, 1_700_000_000_123_000L),
                "1970-01-01 00:00:00", "1969-12-31 23:59:59.999999", "2023-11-14 22:13:20.123");
        assertValues(cast(FloeType.DATE, FloeType.STRING, 0, -1, 19_000), "1970-01-01", "1969-12-31", "2022-01-08");
    }

    @Test
    void fromStringParses() {
        assertValues(cast(FloeType.STRING, FloeType.INT64, "42", " -7 ", "+3", null, "-9223372036854775808"),
                42L, -7L, 3L, null, Long.MIN_VALUE);
        assertValues(cast(FloeType.STRING, FloeType.FLOAT64, "0.1", "-2.5e3", ".5", "5.", "NaN", "-inf", "1e400",
                "123456789012345678", "0.30000000000000004"),
                0.1, -2500.0, 0.5, 5.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                1.23456789012345678e17, 0.30000000000000004);
        assertValues(cast(FloeType.STRING, FloeType.BOOLEAN, "true", "FALSE", "t", "no", "1", "0", null),
                true, false, true, false, true, false, null);
        assertValues(cast(FloeType.STRING, FloeType.TIMESTAMP, "2023-11-14 22:13:20.123", "2023-11-14T22:13:20",
                "1969-12-31 23:59:59.9999999", "2024-02-29", "2024-1-5 7:05"),
                1_700_000_000_123_000L, 1_700_000_000_000_000L, -1L, 19_782L * 86_400_000_000L,
                Temporal.toMicros(java.time.LocalDateTime.of(2024, 1, 5, 7, 5)));
        assertValues(cast(FloeType.STRING, FloeType.DATE, "1970-01-01", "1969-12-31", "-0001-03-01"),
                0, -1, (int) java.time.LocalDate.of(-1, 3, 1).toEpochDay());
    }

    @Test
    void stringRoundTripsThroughEveryType() {
        Random random = new Random(3);
        for (FloeType type : FloeType.values()) {
            Object[] values = new Object[300];
            for (int i = 0; i < values.length; i++) {
                values[i] = Batches.value(type, random);
            }
            Object[] text = cast(type, FloeType.STRING, values);
            for (int i = 0; i < values.length; i++) {
                assertEquals(Values.format(type, values[i]), text[i], type + " " + values[i]);
            }
            if (type != FloeType.STRING) {
                assertValues(cast(FloeType.STRING, type, text), values);
            }
        }
    }

    @Test
    void badTextNamesValueRowAndExpression() {
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> cast(FloeType.STRING, FloeType.INT64, "1", null, "12x"));
        assertEquals("cannot cast '12x' to BIGINT at row 2 in CAST(x AS BIGINT): expected an integer such as 42 or -7",
                e.getMessage());
        for (String bad : new String[] {"", "-", "9223372036854775808", "1.5", "1e3"}) {
            assertThrows(EvaluationException.class, () -> cast(FloeType.STRING, FloeType.INT64, bad), bad);
        }
        for (String bad : new String[] {"", ".", "1.2.3", "1e", "0x10", "1d", "--1", "e5"}) {
            assertThrows(EvaluationException.class, () -> cast(FloeType.STRING, FloeType.FLOAT64, bad), bad);
        }
        for (String bad : new String[] {"2023-02-29", "2023-13-01", "2023-01-01 24:00:00", "2023-01-01 10:61",
            "2023-01-01T", "2023-01-01 10:00:00.", "2023-01-01 10:00:00.1234567890", "yesterday"}) {
            assertThrows(EvaluationException.class, () -> cast(FloeType.STRING, FloeType.TIMESTAMP, bad), bad);
        }
        assertThrows(EvaluationException.class, () -> cast(FloeType.STRING, FloeType.DATE, "2023-01-01 10:00"));
        assertThrows(EvaluationException.class, () -> cast(FloeType.STRING, FloeType.BOOLEAN, "maybe"));
    }

    @Test
    void literalCastFailsWithoutARow() {
        Schema schema = Schema.of(new Field("t", FloeType.TIMESTAMP));
        try (VectorSchemaRoot batch = Batches.root(schema, Map.of("t", new Object[] {0L}), 1, allocator);
             ExprEvaluator e = ExprEvaluator.compile(col("t").gt("2024-13-01"), schema, allocator)) {
            EvaluationException x = assertThrows(EvaluationException.class, () -> e.evaluate(batch));
            assertTrue(x.getMessage().startsWith("cannot cast '2024-13-01' to TIMESTAMP in CAST('2024-13-01' AS TIMESTAMP)"),
                    x.getMessage());
        }
    }

    @Test
    void doubleToBigintRoundsHalfAwayFromZeroAndChecksRange() {
        assertValues(cast(FloeType.FLOAT64, FloeType.INT64, 2.5, -2.5, 2.4999, -0.5, 0.49999999999999994, -0x1p63, null),
                3L, -3L, 2L, -1L, 0L, Long.MIN_VALUE, null);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0x1p63, -0x1p64}) {
            EvaluationException e = assertThrows(EvaluationException.class, () -> cast(FloeType.FLOAT64, FloeType.INT64, bad));
            assertTrue(e.getMessage().contains("out of the BIGINT range"), e.getMessage());
        }
    }

    @Test
    void datesAndTimestamps() {
        assertValues(cast(FloeType.TIMESTAMP, FloeType.DATE, -1L, 0L, 86_399_999_999L, 86_400_000_000L), -1, 0, 0, 1);
        assertValues(cast(FloeType.DATE, FloeType.TIMESTAMP, -1, 1), -86_400_000_000L, 86_400_000_000L);
        assertThrows(EvaluationException.class, () -> cast(FloeType.DATE, FloeType.TIMESTAMP, Integer.MAX_VALUE));
    }

    @Test
    void castsThatDoNotExistArePlanErrors() {
        Schema schema = Schema.of(new Field("t", FloeType.TIMESTAMP));
        PlanException e = assertThrows(PlanException.class,
                () -> ExprEvaluator.compile(col("t").cast(FloeType.INT64), schema, allocator));
        assertTrue(e.getMessage().startsWith("cannot cast TIMESTAMP to BIGINT in CAST(t AS BIGINT)"), e.getMessage());
        assertThrows(PlanException.class, () -> ExprEvaluator.compile(lit(true).cast(FloeType.DATE), schema, allocator));
    }
}
