package dev.floe.expressions;

import static dev.floe.expressions.Expressions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Every new node prints as the SQL it means, and expressions are values (equal when they mean the same). */
class SqlTextTest {
    @Test
    void nodesPrintAsSql() {
        assertEquals("(a // 2)", col("a").intDiv(2).toSql());
        assertEquals("(a || 'x')", col("a").concat("x").toSql());
        assertEquals("abs(a)", abs(col("a")).toSql());
        assertEquals("round(a, 2)", round(col("a"), 2).toSql());
        assertEquals("round(a)", round(col("a")).toSql());
        assertEquals("pow(a, 0.5)", pow(col("a"), 0.5).toSql());
        assertEquals("(a BETWEEN 1 AND 10)", col("a").between(1, 10).toSql());
        assertEquals("(a IN (1, 2, NULL))", col("a").isin(1, 2, null).toSql());
        assertEquals("coalesce(a, 1)", coalesce(col("a"), lit(1)).toSql());
        assertEquals("coalesce(a, 0)", col("a").fillNull(0).toSql());
        assertEquals("nullif(a, '')", nullif(col("a"), "").toSql());
        assertEquals("CASE WHEN (a > 0) THEN 'pos' ELSE 'neg' END", when(col("a").gt(0)).then("pos").otherwise("neg").toSql());
        assertEquals("CASE WHEN (a > 0) THEN 1 END", when(col("a").gt(0)).then(1).end().toSql());
        assertEquals("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", caseOf(col("a")).when(1).then("one").when(2).then("two").end().toSql());
        assertEquals("CAST(a AS BIGINT)", col("a").cast(FloeType.INT64).toSql());
        assertEquals("TRY_CAST(a AS BIGINT)", col("a").tryCast(FloeType.INT64).toSql());
        assertEquals("lower(s)", lower(col("s")).toSql());
        assertEquals("length(s)", length(col("s")).toSql());
        assertEquals("substring(s, 1, 3)", substring(col("s"), 1, 3).toSql());
        assertEquals("concat(s, '-', t)", concat(col("s"), "-", col("t")).toSql());
        assertEquals("replace(s, 'a', 'b')", replace(col("s"), "a", "b").toSql());
        assertEquals("starts_with(s, 'ab')", startsWith(col("s"), "ab").toSql());
        assertEquals("(s LIKE 'a%')", col("s").like("a%").toSql());
        assertEquals("(s LIKE 'a!%%' ESCAPE '!')", col("s").like("a!%%", "!").toSql());
        assertEquals("(s ILIKE 'it''s%')", col("s").ilike("it's%").toSql());
        assertEquals("regexp_matches(s, '^a+')", regexpMatches(col("s"), "^a+").toSql());
        assertEquals("regexp_extract(s, '(a)(b)', 2)", regexpExtract(col("s"), "(a)(b)", 2).toSql());
        assertEquals("lpad(s, 5, '0')", lpad(col("s"), 5, "0").toSql());
        assertEquals("quarter(ts)", col("ts").dt().quarter().toSql());
        assertEquals("weekday(ts)", col("ts").dt().dayOfWeek().toSql());
        assertEquals("dayofweek(ts)", col("ts").dt().dayofweekSql().toSql());
        assertEquals("isodow(ts)", col("ts").dt().isodow().toSql());
        assertEquals("dayofyear(ts)", col("ts").dt().dayOfYear().toSql());
        assertEquals("week(ts)", col("ts").dt().weekOfYear().toSql());
        assertEquals("CAST(ts AS DATE)", col("ts").dt().date().toSql());
        assertEquals("date_trunc('hour', ts)", dateTrunc("HOURS", col("ts")).toSql());
        assertEquals("date_diff('day', a, b)", dateDiff("day", col("a"), col("b")).toSql());
        assertEquals("date_add('month', 1, ts)", dateAdd("month", 1, col("ts")).toSql());
        assertEquals("time_bucket('15 minutes', ts)", timeBucket(Duration.ofMinutes(15), col("ts")).toSql());
        assertEquals("time_bucket('1 hour', ts)", timeBucket(Duration.ofHours(1), col("ts")).toSql());
        assertEquals("time_bucket('15 minutes', ts, TIMESTAMP '1970-01-01 00:00:00')", col("ts").dt().floor("15min").toSql());
        assertEquals(timeBucket(Duration.ofSeconds(90), col("ts"), LocalDateTime.of(1970, 1, 1, 0, 0)), col("ts").dt().floor("90s"));
        assertEquals("stddev(x)", std(col("x")).toSql());
        assertEquals("variance(x)", var(col("x")).toSql());
        assertEquals("first(x)", first(col("x")).toSql());
        assertEquals("last(x)", last(col("x")).toSql());
        assertEquals("count(DISTINCT x)", nunique(col("x")).toSql());
        assertEquals("NULL", lit(null).toSql());
    }

    @Test
    void expressionsAreValues() {
        assertEquals(coalesce(col("a"), lit(1)), coalesce(col("a"), 1));
        assertEquals(new FunctionCall(ScalarFunction.COALESCE, col("a"), lit(1)), coalesce(col("a"), 1));
        assertEquals(lit(null), new NullLiteral());
        assertNotEquals(lit(null), Expressions.nullOf(FloeType.INT64));
        assertEquals(when(col("a").gt(0)).then(1).end(), when(col("a").gt(0)).then(1).end());
        assertEquals(col("s").like("x"), new Like(col("s"), "x", null, false));
        assertEquals(ScalarFunction.DATE_TRUNC, ScalarFunction.lookup("DATE_TRUNC"));
        assertEquals(DateUnit.MINUTE, DateUnit.lookup("Minutes"));
    }

    @Test
    void expressionsSerializeAsValues() throws Exception {
        for (Expr e : ExprTreesTest.samples()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(e);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                assertEquals(e, in.readObject(), e.toSql());
            }
        }
    }

    @Test
    void badArgumentsFailWhenBuilt() {
        assertEquals("unknown date unit 'fortnight'; use one of [year, quarter, month, week, day, hour, minute, second,"
                + " millisecond, microsecond]", assertThrows(IllegalArgumentException.class,
                        () -> dateTrunc("fortnight", col("ts"))).getMessage());
        assertEquals("round() takes 1 to 2 arguments, not 3: [a, 1, 2]", assertThrows(IllegalArgumentException.class,
                () -> new FunctionCall(ScalarFunction.ROUND, col("a"), lit(1), lit(2))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> timeBucket(Duration.ZERO, col("ts")));
        assertThrows(IllegalArgumentException.class, () -> col("ts").dt().floor("1M"));
        assertThrows(IllegalArgumentException.class, () -> col("s").like("x", "ab"));
        assertEquals(Duration.ofMinutes(15), Intervals.parsePandasFrequency("15T"));
        assertEquals(Duration.ofHours(1), Intervals.parsePandasFrequency("h"));
        assertEquals(1_500_000L, Intervals.parseMicros("1500 milliseconds"));
        assertEquals("90 seconds", Intervals.format(90_000_000L));
    }
}
