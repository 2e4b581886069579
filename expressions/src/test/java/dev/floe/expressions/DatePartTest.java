package dev.floe.expressions;

import static dev.floe.expressions.Expressions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every DatePart unit (year() ... second(), quarter, weekdays, ISO week) against java.time, for instants on both sides of 1970 and at the edges of units. */
class DatePartTest {
    private static final Schema SCHEMA = Schema.of(new Field("t", FloeType.TIMESTAMP), new Field("d", FloeType.DATE));
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void timestampFieldsMatchJavaTime() {
        Random random = new Random(1);
        int rows = 5000;
        Object[] t = new Object[rows];
        Object[] d = new Object[rows];
        long[] edges = {0, -1, 1, -999_999, -1_000_000, -86_400_000_000L, -86_400_000_001L, 951_782_400_000_000L,
            -62_135_596_800_000_000L, 253_402_300_799_999_999L, -210_866_803_200_000_000L};
        for (int i = 0; i < rows; i++) {
            t[i] = i < edges.length ? edges[i] : (long) ((random.nextDouble() - 0.5) * 2e17) + (random.nextBoolean() ? 0 : i);
            d[i] = (int) Math.floorDiv((Long) t[i], 86_400_000_000L);
        }
        try (VectorSchemaRoot batch = Batches.root(SCHEMA, Map.of("t", t, "d", d), rows, allocator)) {
            for (DatePart.Unit unit : DatePart.Unit.values()) {
                try (ExprEvaluator e = ExprEvaluator.compile(new DatePart(unit, col("t")), SCHEMA, allocator)) {
                    FieldVector v = e.evaluate(batch);
                    for (int i = 0; i < rows; i++) {
                        LocalDateTime expected = Temporal.toLocalDateTime((Long) t[i]);
                        assertEquals(field(unit, expected), Values.get(v, i), unit + " of " + expected);
                    }
                }
                if (!unit.isDateField()) {
                    continue;
                }
                try (ExprEvaluator e = ExprEvaluator.compile(new DatePart(unit, col("d")), SCHEMA, allocator)) {
                    FieldVector v = e.evaluate(batch);
                    for (int i = 0; i < rows; i++) {
                        LocalDateTime expected = Temporal.toLocalDateTime((Long) t[i]);
                        assertEquals(field(unit, expected), Values.get(v, i), unit + " of " + expected.toLocalDate());
                    }
                }
            }
        }
    }

    @Test
    void javaTimeAgreesWithTemporal() {
        LocalDateTime t = LocalDateTime.of(1969, 12, 31, 23, 59, 58, 500_000_000);
        assertEquals(t, Temporal.toLocalDateTime(Temporal.toMicros(t)));
        assertEquals(-1_500_000L, Temporal.toMicros(t));
    }

    private static long field(DatePart.Unit unit, LocalDateTime t) {
        return switch (unit) {
            case YEAR -> t.getYear();
            case MONTH -> t.getMonthValue();
            case DAY -> t.getDayOfMonth();
            case HOUR -> t.getHour();
            case MINUTE -> t.getMinute();
            case SECOND -> t.getSecond();
            case QUARTER -> t.get(java.time.temporal.IsoFields.QUARTER_OF_YEAR);
            case DAY_OF_WEEK -> t.getDayOfWeek().getValue() - 1;
            case DAYOFWEEK -> t.getDayOfWeek().getValue() % 7;
            case ISODOW -> t.getDayOfWeek().getValue();
            case DAY_OF_YEAR -> t.getDayOfYear();
            case WEEK_OF_YEAR -> t.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        };
    }
}
