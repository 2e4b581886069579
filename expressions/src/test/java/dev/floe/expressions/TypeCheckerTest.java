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
        assertError("column 'zzzzzz' not found Columns: id, value, name, timestamp, day, ok", col("zzzzzz"));
        assertError("operator = cannot take VARCHAR and BIGINT in (name = 1)", col("name").eq(1));
        assertError("operator AND cannot take BOOLEAN and BIGINT in (ok AND id)", col("ok").and(col("id")));
        assertError("NOT needs a BOOLEAN but got BIGINT in (NOT id)", col("id").not());
        assertError("unary minus needs a number but got VARCHAR in (- name)", col("name").negate());
        assertError("hour() needs a TIMESTAMP but day is DATE in hour(day)", col("day").dt().hour());
        assertError("year() needs a TIMESTAMP or DATE but name is VARCHAR in year(name); declare the column as a"
                + " timestamp when reading it", col("name").dt().year());
        assertError("cannot cast DATE to BIGINT in CAST(day AS BIGINT); casts go between numbers and BOOLEAN,"
                + " between DATE and TIMESTAMP, and to or from VARCHAR", col("day").cast(FloeType.INT64));
        assertError("aggregate sum(id) is not allowed here: aggregates belong in groupBy(...).agg(...) or a SELECT"
                + " with GROUP BY", sum("id").add(1));
        assertError("operator + cannot take DOUBLE and VARCHAR in (1.0 + name)", lit(1.0).add(col("name")));
    }

    private static void assertError(String message, Expr e) {
        assertEquals(message, assertThrows(PlanException.class, () -> TypeChecker.coerce(e, SCHEMA)).getMessage());
    }
}
