package dev.floe.expressions;

import static dev.floe.expressions.Expressions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Worked examples that pin the documented choices (DuckDB's where it has one) and the error messages:
 * the oracle tests check the kernels against a reference, these check the reference's rules.
 */
class FunctionSemanticsTest {
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    /** {@code expr} over a one-column batch "x" of {@code type} holding {@code values}. */
    private List<Object> eval(Expr expr, FloeType type, Object... values) {
        Schema schema = Schema.of(new Field("x", type));
        try (VectorSchemaRoot batch = Batches.root(schema, Map.of("x", values), values.length, allocator);
                ExprEvaluator e = ExprEvaluator.compile(expr, schema, allocator)) {
            FieldVector v = e.evaluate(batch);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                out.add(Values.get(v, i));
            }
            return out;
        }
    }

    private static long ts(String text) {
        return Temporal.toMicros(LocalDateTime.parse(text.replace(' ', 'T')));
    }

    private static int day(String text) {
        return (int) LocalDate.parse(text).toEpochDay();
    }

    @Test
    void arithmetic() {
        assertEquals(Arrays.asList(-4L, 3L, null, -3L), eval(col("x").intDiv(2), FloeType.INT64, -7L, 7L, null, -6L));
        assertEquals(Arrays.asList((Object) null), eval(col("x").intDiv(0), FloeType.INT64, 5L));
        assertEquals(Arrays.asList(3.0, -3.0, 1.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY),
                eval(round(col("x")), FloeType.FLOAT64, 2.5, -2.5, 0.5, -0.2, Double.NaN, Double.POSITIVE_INFINITY));
        // as DuckDB: round(1.005, 2) = 1.0, as 1.005 * 100 is 100.49999999999999 in binary; 2.675 * 100 is 267.5
        assertEquals(Arrays.asList(1.0, 2.68, 0.13, -0.13), eval(round(col("x"), 2), FloeType.FLOAT64, 1.005, 2.675, 0.125, -0.125));
        assertEquals(Arrays.asList(1200.0, -1300.0), eval(round(col("x"), -2), FloeType.FLOAT64, 1249.9, -1250.0));
        assertEquals(Arrays.asList(1200L, -1300L, 0L, 100L), eval(round(col("x"), -2), FloeType.INT64, 1249L, -1250L, 49L, 50L));
        assertEquals(Arrays.asList(7L), eval(round(col("x"), 3), FloeType.INT64, 7L));
        assertEquals("BIGINT overflow in (x // -1) at row 1: -9223372036854775808 // -1 does not fit in 64 bits; cast an"
                + " operand to DOUBLE", assertThrows(EvaluationException.class,
                        () -> eval(col("x").intDiv(-1), FloeType.INT64, 1L, Long.MIN_VALUE)).getMessage());
        assertEquals("cannot take the square root of a negative number, -4.0, in sqrt(x) at row 1; filter such rows out"
                + " or use NULLIF", assertThrows(EvaluationException.class,
                        () -> eval(sqrt(col("x")), FloeType.FLOAT64, 4.0, -4.0)).getMessage());
        assertEquals("cannot take the logarithm of zero, in ln(x) at row 0; filter such rows out or use NULLIF",
                assertThrows(EvaluationException.class, () -> eval(ln(col("x")), FloeType.FLOAT64, 0.0)).getMessage());
        assertEquals(Arrays.asList(2.0, null, Double.NaN), eval(sqrt(col("x")), FloeType.FLOAT64, 4.0, null, Double.NaN));
        assertEquals(Arrays.asList(3L, null), eval(abs(col("x")), FloeType.INT64, -3L, null));
        assertEquals(Arrays.asList(8.0), eval(pow(col("x"), 3), FloeType.INT64, 2L));
    }

    @Test
    void conditionalsAndNulls() {
        assertEquals(Arrays.asList(true, null, null), eval(col("x").isin(1, null), FloeType.INT64, 1L, 2L, null));
        assertEquals(Arrays.asList(false, true, null), eval(col("x").isin(1, 3).not(), FloeType.INT64, 1L, 2L, null));
        assertEquals(Arrays.asList(null, null, null), eval(col("x").eq(lit(null)), FloeType.STRING, "a", "", null));
        assertEquals(Arrays.asList("a", "?"), eval(col("x").fillNull("?"), FloeType.STRING, "a", null));
        assertEquals(Arrays.asList(null, "b", null), eval(nullif(col("x"), "a"), FloeType.STRING, "a", "b", null));
        assertEquals(Arrays.asList("one", "other", "other"),
                eval(caseOf(col("x")).when(1).then("one").otherwise("other"), FloeType.INT64, 1L, 2L, null));
        assertEquals(Arrays.asList(true, false, null, true), eval(col("x").between(1, 3), FloeType.INT64, 1L, 4L, null, 3L));
    }

    @Test
    void castsStrictAndLenient() {
        assertEquals(Arrays.asList(12L, null, null, -3L),
                eval(col("x").tryCast(FloeType.INT64), FloeType.STRING, "12", "12x", null, " -3 "));
        assertEquals(Arrays.asList(ts("2024-01-02 03:04:05"), null),
                eval(col("x").tryCast(FloeType.TIMESTAMP), FloeType.STRING, "2024-01-02 03:04:05", "yesterday"));
        assertEquals(Arrays.asList(3L, null), eval(col("x").tryCast(FloeType.INT64), FloeType.FLOAT64, 2.5, 1e30));
        assertEquals("cannot cast '12x' to BIGINT at row 1 in CAST(x AS BIGINT): expected an integer such as 42 or -7",
                assertThrows(EvaluationException.class, () -> eval(col("x").cast(FloeType.INT64), FloeType.STRING, "1", "12x"))
                        .getMessage());
    }

    @Test
    void strings() {
        assertEquals(Arrays.asList(2L, 0L, 5L, 2L), eval(length(col("x")), FloeType.STRING, "日本", "", "héllo", "e\u0301"));
        assertEquals(Arrays.asList("abc", "x y", "\tq"), eval(trim(col("x")), FloeType.STRING, "  abc ", "\u00a0x y\u3000", "\tq"));
        assertEquals(Arrays.asList("ÉCOLE", "STRASSE"), eval(upper(col("x")), FloeType.STRING, "école", "straße"));
        assertEquals(Arrays.asList("ell", "h", "ll", "lo", ""), List.of(
                eval(substring(col("x"), 2, 3), FloeType.STRING, "hello").get(0),
                eval(substring(col("x"), 0, 2), FloeType.STRING, "hello").get(0),
                eval(substring(col("x"), -3, 2), FloeType.STRING, "hello").get(0),
                eval(substring(col("x"), 4), FloeType.STRING, "hello").get(0),
                eval(substring(col("x"), 2, -1), FloeType.STRING, "hello").get(0)));
        assertEquals(Arrays.asList("a-1", "-1"), eval(concat(col("x"), "-", 1), FloeType.STRING, "a", null));
        assertEquals(Arrays.asList("a-", null), eval(col("x").concat("-"), FloeType.STRING, "a", null));
        assertEquals(Arrays.asList("00042", "12345"), eval(lpad(col("x"), 5, "0"), FloeType.STRING, "42", "12345678"));
    }

    @Test
    void like() {
        assertEquals(Arrays.asList(true, true, true, false, null), eval(col("x").like("_"), FloeType.STRING, "a", "日", "\uD83D\uDE00", "e\u0301", null));
        assertEquals(Arrays.asList(true, false, true), eval(col("x").like("a!%%", "!"), FloeType.STRING, "a%", "ab", "a%bc"));
        assertEquals(Arrays.asList(true, false), eval(col("x").like("%a_c%"), FloeType.STRING, "xxabcxx", "xxacxx"));
        assertEquals(Arrays.asList(true, true, false), eval(col("x").ilike("%école"), FloeType.STRING, "L'ÉCOLE", "école", "ecole"));
        assertEquals(Arrays.asList(true, false), eval(col("x").ilike("ab_D"), FloeType.STRING, "ABcd", "ABcde"));
        assertEquals(Arrays.asList(true, false), eval(regexpMatches(col("x"), "\\d+"), FloeType.STRING, "a12", "ab"));
        assertEquals(Arrays.asList("12", ""), eval(regexpExtract(col("x"), "(\\d+)", 1), FloeType.STRING, "a12b", "ab"));
    }

    @Test
    void datetime() {
        int monday = day("2024-01-01");
        int sunday = day("2024-01-07");
        assertEquals(Arrays.asList(0L, 6L), eval(col("x").dt().dayOfWeek(), FloeType.DATE, monday, sunday));
        assertEquals(Arrays.asList(1L, 0L), eval(col("x").dt().dayofweekSql(), FloeType.DATE, monday, sunday));
        assertEquals(Arrays.asList(1L, 7L), eval(col("x").dt().isodow(), FloeType.DATE, monday, sunday));
        assertEquals(Arrays.asList(53L, 1L, 1L), eval(col("x").dt().weekOfYear(), FloeType.DATE, day("2021-01-01"),
                day("2024-12-30"), monday));
        assertEquals(Arrays.asList(2L, 366L), eval(col("x").dt().quarter().mul(1000).add(col("x").dt().dayOfYear()).mod(1000)
                .add(col("x").dt().quarter().sub(col("x").dt().quarter())), FloeType.DATE, day("2024-01-02"), day("2024-12-31")));
        assertEquals(Arrays.asList(1L), eval(dateDiff("hour", lit(LocalDateTime.of(2024, 1, 1, 1, 59)), col("x")), FloeType.TIMESTAMP,
                ts("2024-01-01 02:00:00")));
        assertEquals(Arrays.asList(1L), eval(dateDiff("month", lit(LocalDate.of(2024, 1, 31)), col("x")), FloeType.DATE,
                day("2024-02-01")));
        assertEquals(Arrays.asList(0L, 1L), eval(dateDiff("week", lit(LocalDate.of(2024, 1, 1)), col("x")), FloeType.DATE,
                sunday, day("2024-01-08")));
        assertEquals(Arrays.asList(day("2024-02-29"), day("2025-02-28")), List.of(
                eval(dateAdd("month", 1, col("x")), FloeType.DATE, day("2024-01-31")).get(0),
                eval(dateAdd("year", 1, col("x")), FloeType.DATE, day("2024-02-29")).get(0)));
        assertEquals(Arrays.asList(ts("2024-03-31 10:30:00")), eval(dateAdd("quarter", 1, col("x")), FloeType.TIMESTAMP,
                ts("2023-12-31 10:30:00")));
        assertEquals(Arrays.asList(ts("2024-01-01 10:00:00")), eval(timeBucket(Duration.ofMinutes(15), col("x")),
                FloeType.TIMESTAMP, ts("2024-01-01 10:14:59.999999")));
        assertEquals(Arrays.asList(ts("2024-01-01 10:03:00")), eval(col("x").dt().floor("7min"), FloeType.TIMESTAMP,
                ts("2024-01-01 10:09:00")));
        assertEquals(Arrays.asList(ts("2024-01-01 00:00:00"), ts("2024-04-01 00:00:00")), List.of(
                eval(dateTrunc("week", col("x")), FloeType.TIMESTAMP, ts("2024-01-07 12:00:00")).get(0),
                eval(dateTrunc("quarter", col("x")), FloeType.TIMESTAMP, ts("2024-05-15 12:00:00")).get(0)));
        assertEquals(Arrays.asList(-1_500_000L), eval(col("x").sub(lit(LocalDateTime.of(1970, 1, 1, 0, 0))), FloeType.TIMESTAMP,
                ts("1969-12-31 23:59:58.5")));
        assertEquals("cannot add 9223372036854775807 hours in date_add('hour', 9223372036854775807, x) at row 0: the result"
                + " is out of the TIMESTAMP range", assertThrows(EvaluationException.class,
                        () -> eval(dateAdd("hour", Long.MAX_VALUE, col("x")), FloeType.TIMESTAMP, 0L)).getMessage());
    }
}
