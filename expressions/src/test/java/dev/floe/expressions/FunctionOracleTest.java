package dev.floe.expressions;

import static dev.floe.expressions.Expressions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The functions, CASE, IN, BETWEEN, LIKE, TRY_CAST, // and || against {@link FunctionOracle}, row by row,
 * over random batches of 0, 1, 7, 8, 9, 63, 64, 65 and 1000 rows with and without NULLs (NULLs with
 * hostile bits under them), one evaluator per expression reused over the batches in shuffled order.
 */
class FunctionOracleTest {
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

    static Stream<Expr> expressions() {
        List<Expr> all = new ArrayList<>();
        // arithmetic
        all.add(col("i1").intDiv(col("i2")));
        all.add(col("i1").intDiv(3));
        all.add(lit(-7).intDiv(col("i2")));
        all.add(col("i1").intDiv(0));
        all.add(col("f1").intDiv(col("f2")));
        all.add(col("i1").intDiv(col("f2")));
        for (String x : List.of("i1", "f1")) {
            all.add(abs(col(x)));
            all.add(floor(col(x)));
            all.add(ceil(col(x)));
            all.add(round(col(x)));
            all.add(round(col(x), col("i2")));
            all.add(round(col(x), 2));
            all.add(round(col(x), -1));
            all.add(sqrt(col(x)));
            all.add(ln(col(x)));
            all.add(log10(col(x)));
            all.add(exp(col(x)));
            all.add(pow(col(x), col("f2")));
        }
        all.add(sqrt(abs(col("f1"))));
        all.add(ln(abs(col("f1")).add(1.0)));
        all.add(log10(abs(col("i1")).add(1)));
        all.add(round(col("i1"), -25));
        // comparisons and conditionals
        all.add(col("i1").between(-2, 3));
        all.add(col("i1").between(col("i2"), 3.5));
        all.add(col("f1").between(col("f2"), lit(null)));
        all.add(col("s1").between("a", "b"));
        all.add(col("t1").between("2023-11-14", col("t2")));
        all.add(col("d1").between(col("d2"), col("t2")));
        all.add(col("i1").isin(1, 2, -3));
        all.add(col("i1").isin(1, null));
        all.add(col("i1").isin(1.5, 2));
        all.add(col("f1").isin(0.0, Double.NaN, 1.5));
        all.add(col("s1").isin("a", "Alice", "é", "日本"));
        all.add(col("s1").isin("ab", null).not());
        all.add(col("b1").isin(true));
        all.add(col("d1").isin(java.time.LocalDate.of(2022, 1, 8), java.time.LocalDate.of(2022, 1, 9)).or(col("t1").isin("2023-11-14 22:13:20")));
        all.add(coalesce(col("i1"), col("i2")));
        all.add(coalesce(col("i1"), col("f2"), 0));
        all.add(coalesce(col("s1"), col("s2"), "none"));
        all.add(coalesce(col("t1"), col("d1")));
        all.add(coalesce(lit(null), col("b1")));
        all.add(col("s1").fillNull("?"));
        all.add(nullif(col("i1"), col("i2")));
        all.add(nullif(col("s1"), "a"));
        all.add(nullif(col("f1"), 0));
        all.add(when(col("i1").gt(0)).then("pos").when(col("i1").lt(0)).then("neg").otherwise("zero"));
        all.add(when(col("b1")).then(col("i1")).when(col("b2")).then(col("f2")).end());
        all.add(when(col("b1")).then(col("t1")).otherwise(col("d1")));
        all.add(when(col("s1").eq("a")).then(lit(null)).otherwise(col("b2")));
        all.add(caseOf(col("i1")).when(1).then("one").when(2).then("two").when(lit(null)).then("null").otherwise(col("s1")));
        all.add(caseOf(col("s1")).when("a").then(1.5).otherwise(col("f1")));
        all.add(col("s1").eq(lit(null)));
        all.add(lit(null).lt(col("t1")));
        all.add(col("i1").add(lit(null)));
        all.add(col("b1").and(lit(null)));
        all.add(lit(null).isNull());
        // casts
        for (String column : List.of("i1", "f1", "b1")) {
            for (FloeType to : List.of(FloeType.INT64, FloeType.FLOAT64, FloeType.BOOLEAN)) {
                all.add(col(column).tryCast(to));
            }
        }
        all.add(col("d1").tryCast(FloeType.TIMESTAMP));
        all.add(col("t1").tryCast(FloeType.DATE));
        all.add(lit(null).cast(FloeType.DATE));
        // strings
        for (ScalarFunction f : List.of(ScalarFunction.LOWER, ScalarFunction.UPPER, ScalarFunction.LENGTH,
                ScalarFunction.TRIM, ScalarFunction.LTRIM, ScalarFunction.RTRIM)) {
            all.add(new FunctionCall(f, col("s1")));
        }
        all.add(substring(col("s1"), col("i1")));
        all.add(substring(col("s1"), col("i1"), col("i2")));
        all.add(substring(col("s1"), 2, 3));
        all.add(substring(col("s1"), 0, 2));
        all.add(substring(col("s1"), -3, 2));
        all.add(substring(col("s1"), -3));
        all.add(concat(col("s1"), "-", col("s2")));
        all.add(concat(col("s1"), col("i1"), col("b1")));
        all.add(col("s1").concat(col("s2")));
        all.add(col("s1").concat(col("i1")));
        all.add(replace(col("s1"), "a", "XY"));
        all.add(replace(col("s1"), col("s2"), "_"));
        all.add(replace(col("s1"), "", "_"));
        all.add(contains(col("s1"), col("s2")));
        all.add(contains(col("s1"), "b"));
        all.add(startsWith(col("s1"), "ab"));
        all.add(startsWith(col("s1"), col("s2")));
        all.add(endsWith(col("s1"), "h"));
        all.add(endsWith(col("s1"), col("s2")));
        all.add(lpad(col("s1"), col("i2").mod(12), "xy"));
        all.add(rpad(col("s1"), 5, "é"));
        all.add(lpad(col("s1"), 3, ""));
        for (String p : List.of("a%", "%b", "%b%", "abc", "%", "_", "a_c", "%a%b%", "_%_", "%é%", "%\uD83D%", "a%b%c%d",
                "%ab%ab%", "A\\%%", "%%%a")) {
            all.add(col("s1").like(p));
            all.add(col("s1").ilike(p));
        }
        all.add(col("s1").like("a!%%", "!"));
        all.add(col("s1").like("A!_b%", "!"));
        all.add(col("s1").ilike("straSSe"));
        all.add(col("s1").ilike("%école"));
        all.add(regexpMatches(col("s1"), "^a+b"));
        all.add(regexpMatches(col("s1"), "[éè]|\\s"));
        all.add(regexpExtract(col("s1"), "([a-c]+)(d)?", 1));
        all.add(regexpExtract(col("s1"), "([a-c]+)(d)?", 2));
        all.add(regexpExtract(col("s1"), "b+"));
        // datetime
        for (DateUnit unit : DateUnit.values()) {
            all.add(dateTrunc(unit.sqlName(), col("t1")));
            all.add(dateDiff(unit.sqlName(), col("t1"), col("t2")));
            all.add(dateDiff(unit.sqlName(), col("d1"), col("d2")));
            all.add(dateAdd(unit.sqlName(), col("i2").mod(1000), col("t1")));
            if (!unit.isTimeOfDay()) {
                all.add(dateTrunc(unit.sqlName(), col("d1")));
                all.add(dateAdd(unit.sqlName(), col("i2").mod(1000), col("d1")));
            }
        }
        all.add(dateAdd("month", col("i2"), col("t1")));
        all.add(dateDiff("day", col("d1"), col("t2")));
        all.add(col("t1").sub(col("t2")));
        all.add(col("d1").sub(col("d2")));
        all.add(col("t1").sub(col("d2")));
        all.add(timeBucket(Duration.ofMinutes(15), col("t1")));
        all.add(timeBucket(Duration.ofMinutes(7), col("t1")));
        all.add(timeBucket(Duration.ofDays(3), col("d1")));
        all.add(timeBucket(Duration.ofHours(5), col("t1"), LocalDateTime.of(2020, 5, 5, 1, 30)));
        all.add(col("t1").dt().floor("15min"));
        all.add(col("t1").dt().floor("7T"));
        all.add(col("t1").dt().date());
        all.add(col("t1").dt().truncate("week"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void matchesOracle(Expr expr) {
        Random random = new Random(expr.toSql().hashCode());
        List<Integer> sizes = new ArrayList<>();
        for (int size : Batches.SIZES) {
            sizes.add(size);
        }
        try (ExprEvaluator evaluator = ExprEvaluator.compile(expr, SCHEMA, allocator)) {
            assertEquals(TypeChecker.typeOf(expr, SCHEMA), evaluator.type());
            for (double nullRate : new double[] {0, 0.25}) {
                Collections.shuffle(sizes, random);
                for (int rows : sizes) {
                    check(evaluator, Batches.random(SCHEMA, rows, nullRate, random), rows);
                }
            }
        }
    }

    private void check(ExprEvaluator evaluator, Map<String, Object[]> columns, int rows) {
        OracleCheck.check(evaluator, SCHEMA, columns, rows, allocator, Oracle::eval, false);
    }
}
