package dev.floe.expressions;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Coercion (implicit casts made explicit) and the messages of type errors. */
class TypeCheckerTest {
    private static final Schema SCHEMA = Schema.of(new Field("id", FloeType.INT64), new Field("value", FloeType.FLOAT64),
            new Field("name", FloeType.STRING), new Field("timestamp", FloeType.TIMESTAMP), new Field("day", FloeType.DATE),
            new Field("ok", FloeType.BOOLEAN));

    private static String coerced(Expr e) {
        return TypeChecker.coerce(e, SCHEMA).toSql();
    }

    @Test
    void coercionMakesImplicitCastsExplicit() {
        assertEquals("(CAST(id AS DOUBLE) + value)", coerced(col("id").add(col("value"))));
        assertEquals("(CAST(id AS DOUBLE) / 2.0)", coerced(col("id").div(2)));
        assertEquals("(id % 2)", coerced(col("id").mod(2)));
        assertEquals("(value > 1.0)", coerced(col("value").gt(1)));
        assertEquals("(timestamp >= CAST('2024-01-01' AS TIMESTAMP))", coerced(col("timestamp").ge("2024-01-01")));
        assertEquals("(CAST(day AS TIMESTAMP) < timestamp)", coerced(col("day").lt(col("timestamp"))));
        assertEquals("hour(timestamp) AS h", coerced(col("timestamp").dt().hour().as("h")));
        assertEquals(FloeType.FLOAT64, TypeChecker.typeOf(col("id").div(col("id")), SCHEMA));
        assertEquals(FloeType.INT64, TypeChecker.typeOf(col("day").dt().year(), SCHEMA));
        assertEquals(FloeType.INT64, TypeChecker.aggregateType((AggregateCall) sum("id"), SCHEMA));
    }

    @Test
    void errorsNameTheExpressionAndTypes() {
        assertError("column 'vaule' not found; did you mean 'value'? Columns: id, value, name, timestamp, day, ok",
                col("vaule").gt(0.5));
        assertError("column 'TimeStamp' not found; did you mean 'timestamp'? Columns: id, value, name, timestamp, day, ok",
                col("TimeStamp"));
        assertError("column 'zzzzzz' not found. Columns: id, value, name, timestamp, day, ok", col("zzzzzz"));
        assertError("operator = cannot take VARCHAR and BIGINT in (name = 1)", col("name").eq(1));
        assertError("operator AND cannot take BOOLEAN and BIGINT in (ok AND id)", col("ok").and(col("id")));
        assertError("NOT needs a BOOLEAN but got BIGINT in (NOT id)", col("id").not());
        assertError("unary minus needs a number but got VARCHAR in (- name)", col("name").negate());
        assertError("hour() needs a TIMESTAMP but day is DATE in hour(day)", col("day").dt().hour());
        assertError("year() needs a TIMESTAMP or DATE but name is VARCHAR in year(name); declare the column as a"
                + " timestamp when reading it", col("name").dt().year());
        assertError("cannot cast DATE to BIGINT in CAST(day AS BIGINT); casts go between numbers (BIGINT, DOUBLE, DECIMAL), between BIGINT or DOUBLE and BOOLEAN,"
                + " between DATE and TIMESTAMP, and to or from VARCHAR", col("day").cast(FloeType.INT64));
        assertError("aggregate sum(id) is not allowed here: aggregates belong in groupBy(...).agg(...) or a SELECT"
                + " with GROUP BY", sum("id").add(1));
        assertError("operator + cannot take DOUBLE and VARCHAR in (1.0 + name)", lit(1.0).add(col("name")));
    }

    @Test
    void untypedNullTakesItsContextsType() {
        assertEquals("(name = NULL)", coerced(col("name").eq(lit(null))));
        assertEquals(new Binary(BinaryOp.EQ, col("name"), Expressions.nullOf(FloeType.STRING)),
                TypeChecker.coerce(col("name").eq(lit(null)), SCHEMA));
        assertEquals(new Binary(BinaryOp.LT, Expressions.nullOf(FloeType.TIMESTAMP), col("timestamp")),
                TypeChecker.coerce(lit(null).lt(col("timestamp")), SCHEMA));
        assertEquals(FloeType.STRING, TypeChecker.typeOf(Expressions.coalesce(col("name"), lit(null)), SCHEMA));
        assertEquals(FloeType.DATE, TypeChecker.typeOf(Expressions.coalesce(lit(null), col("day")), SCHEMA));
        assertEquals(FloeType.BOOLEAN, TypeChecker.typeOf(col("ok").and(lit(null)), SCHEMA));
        assertEquals(FloeType.INT64, TypeChecker.typeOf(lit(null), SCHEMA));
        assertEquals(FloeType.INT64, TypeChecker.typeOf(lit(null).as("n"), SCHEMA));
        assertEquals(FloeType.DATE, TypeChecker.typeOf(lit(null).cast(FloeType.DATE), SCHEMA));
        assertEquals(FloeType.STRING, TypeChecker.typeOf(Expressions.when(col("ok")).then(lit(null)).otherwise("x"), SCHEMA));
        assertEquals(FloeType.BOOLEAN, TypeChecker.typeOf(col("name").isin("a", null), SCHEMA));
        assertEquals(FloeType.STRING, TypeChecker.typeOf(Expressions.lower(lit(null)), SCHEMA));
    }

    @Test
    void newNodesCoerce() {
        assertEquals("(id // 2)", coerced(col("id").intDiv(2)));
        assertEquals("(value // 2.0)", coerced(col("value").intDiv(2)));
        assertEquals("(name || CAST(id AS VARCHAR))", coerced(col("name").concat(col("id"))));
        assertEquals("date_diff('microsecond', CAST(day AS TIMESTAMP), timestamp)", coerced(col("timestamp").sub(col("day"))));
        assertEquals("date_diff('day', day, day)", coerced(col("day").sub(col("day"))));
        assertEquals("(CAST(id AS DOUBLE) BETWEEN 1.0 AND 2.5)", coerced(col("id").between(1, 2.5)));
        assertEquals("(timestamp BETWEEN CAST('2024-01-01' AS TIMESTAMP) AND CAST(day AS TIMESTAMP))",
                coerced(col("timestamp").between("2024-01-01", col("day"))));
        assertEquals("(CAST(id AS DOUBLE) IN (1.0, 2.5))", coerced(col("id").isin(1, 2.5)));
        assertEquals("(day IN (CAST('2024-01-01' AS DATE)))", coerced(col("day").isin("2024-01-01")));
        assertEquals("CASE WHEN (id = 1) THEN 1.0 ELSE value END", coerced(Expressions.caseOf(col("id")).when(1).then(1).otherwise(col("value"))));
        assertEquals("coalesce(CAST(id AS DOUBLE), value)", coerced(Expressions.coalesce(col("id"), col("value"))));
        assertEquals("sqrt(CAST(id AS DOUBLE))", coerced(Expressions.sqrt(col("id"))));
        assertEquals(FloeType.INT64, TypeChecker.typeOf(Expressions.round(col("id"), -2), SCHEMA));
        assertEquals(FloeType.FLOAT64, TypeChecker.typeOf(Expressions.round(col("value")), SCHEMA));
        assertEquals("concat(name, CAST(id AS VARCHAR), CAST(ok AS VARCHAR))", coerced(Expressions.concat(col("name"), col("id"), col("ok"))));
        assertEquals("date_diff('hour', CAST('2024-01-01' AS TIMESTAMP), timestamp)",
                coerced(Expressions.dateDiff("hour", "2024-01-01", col("timestamp"))));
        assertEquals(FloeType.DATE, TypeChecker.typeOf(Expressions.dateTrunc("month", col("day")), SCHEMA));
        assertEquals(FloeType.DATE, TypeChecker.typeOf(Expressions.dateAdd("day", 1, col("day")), SCHEMA));
        assertEquals(FloeType.TIMESTAMP, TypeChecker.typeOf(col("timestamp").dt().floor("15min"), SCHEMA));
        assertEquals(FloeType.INT64, TypeChecker.typeOf(col("day").dt().weekOfYear(), SCHEMA));
    }

    @Test
    void aggregateTypes() {
        assertEquals(FloeType.FLOAT64, TypeChecker.aggregateType((AggregateCall) Expressions.std(col("id")), SCHEMA));
        assertEquals(FloeType.FLOAT64, TypeChecker.aggregateType((AggregateCall) Expressions.var("value"), SCHEMA));
        assertEquals(FloeType.STRING, TypeChecker.aggregateType((AggregateCall) Expressions.first("name"), SCHEMA));
        assertEquals(FloeType.TIMESTAMP, TypeChecker.aggregateType((AggregateCall) Expressions.last("timestamp"), SCHEMA));
        assertEquals(FloeType.INT64, TypeChecker.aggregateType((AggregateCall) Expressions.nunique("name"), SCHEMA));
        assertEquals("stddev() needs a number but name is VARCHAR in stddev(name)", assertThrows(PlanException.class,
                () -> TypeChecker.aggregateType((AggregateCall) Expressions.std("name"), SCHEMA)).getMessage());
    }

    @Test
    void newNodesNameTheirErrors() {
        assertError("cannot mix BIGINT and VARCHAR in (id BETWEEN 1 AND 'x'); cast one side", col("id").between(1, "x"));
        assertError("the values of IN must be constants, but value reads a column in (id IN (1, value)); use OR of"
                + " comparisons, or a join", col("id").isin(1, col("value")));
        assertError("cannot mix BIGINT and VARCHAR in CASE WHEN ok THEN 'a' ELSE 1 END; cast one side",
                Expressions.when(col("ok")).then("a").otherwise(1));
        assertError("the condition of WHEN must be BOOLEAN but id is BIGINT in CASE WHEN id THEN 1 END",
                Expressions.when(col("id")).then(1).end());
        assertError("LIKE needs a VARCHAR but got BIGINT in (id LIKE 'a%')", col("id").like("a%"));
        assertError("LIKE pattern 'a!' ends with its escape character '!'; escape it too to match it in (name LIKE 'a!' ESCAPE '!')",
                col("name").like("a!", "!"));
        assertError("lower() needs a VARCHAR as argument 1 but id is BIGINT in lower(id)", Expressions.lower(col("id")));
        assertError("sqrt() needs a number as argument 1 but name is VARCHAR in sqrt(name)", Expressions.sqrt(col("name")));
        assertError("bad regular expression '(a' in regexp_matches(name, '(a'): Unclosed group near index 2",
                Expressions.regexpMatches(col("name"), "(a"));
        assertError("the group of regexp_extract must be a constant 0..1 (the pattern's groups), not 2 in"
                + " regexp_extract(name, '(a)', 2)", Expressions.regexpExtract(col("name"), "(a)", 2));
        assertError("regexp_matches() needs a constant pattern, not name in regexp_matches(name, name)",
                new FunctionCall(ScalarFunction.REGEXP_MATCHES, col("name"), col("name")));
        assertError("date_trunc() needs a TIMESTAMP or DATE as argument 2 but name is VARCHAR in date_trunc('day', name)",
                Expressions.dateTrunc("day", col("name")));
        assertError("date_trunc() needs a unit such as 'hour' as its first argument, not 'fortnight' in"
                + " date_trunc('fortnight', timestamp); units: [year, quarter, month, week, day, hour, minute, second,"
                + " millisecond, microsecond]", new FunctionCall(ScalarFunction.DATE_TRUNC, lit("fortnight"), col("timestamp")));
        assertError("date_add of hours needs a TIMESTAMP, but day is a DATE in date_add('hour', 1, day); cast it to TIMESTAMP",
                Expressions.dateAdd("hour", 1, col("day")));
        assertError("'1 month' is not an interval of fixed length; write it as a number and a unit, e.g. '15 minutes',"
                + " '1 hour', '2 days', '1 week', '500 milliseconds' in time_bucket('1 month', timestamp)",
                new FunctionCall(ScalarFunction.TIME_BUCKET, lit("1 month"), col("timestamp")));
        assertError("operator + cannot take TIMESTAMP and BIGINT in (timestamp + 1)", col("timestamp").add(1));
        assertError("cannot cast DATE to BIGINT in TRY_CAST(day AS BIGINT); casts go between numbers (BIGINT, DOUBLE, DECIMAL), between BIGINT or DOUBLE and BOOLEAN,"
                + " between DATE and TIMESTAMP, and to or from VARCHAR", col("day").tryCast(FloeType.INT64));
    }

    private static void assertError(String message, Expr e) {
        assertEquals(message, assertThrows(PlanException.class, () -> TypeChecker.coerce(e, SCHEMA)).getMessage());
    }
}
