package dev.floe.expressions;

import static dev.floe.expressions.Expressions.abs;
import static dev.floe.expressions.Expressions.ceil;
import static dev.floe.expressions.Expressions.coalesce;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.floor;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.nullOf;
import static dev.floe.expressions.Expressions.nullif;
import static dev.floe.expressions.Expressions.round;
import static dev.floe.expressions.Expressions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DECIMAL expressions against {@link DecimalOracle} (java.math.BigDecimal, row by row) over random columns of
 * several precisions and scales, narrow (long path) and wide (128 bits, BigInteger), with NULLs over hostile
 * garbage; plus type-check results, cast rounding and the error messages. Every test closes its allocator.
 */
class DecimalKernelTest {
    private static final FloeType D9_2 = FloeType.decimal(9, 2);
    private static final FloeType D5_4 = FloeType.decimal(5, 4);
    private static final FloeType D18_6 = FloeType.decimal(18, 6);
    private static final FloeType D30_6 = FloeType.decimal(30, 6);
    private static final FloeType D38_10 = FloeType.decimal(38, 10);
    private static final FloeType D38_0 = FloeType.decimal(38, 0);
    private static final FloeType D3_0 = FloeType.decimal(3, 0);

    static final Schema SCHEMA = Schema.of(
            new Field("a", D9_2), new Field("b", D5_4), new Field("c", D18_6), new Field("w", D30_6),
            new Field("x", D38_10), new Field("z", D38_0), new Field("t", D3_0),
            new Field("i", FloeType.INT64), new Field("f", FloeType.FLOAT64), new Field("s", FloeType.STRING));

    private static final String[] TEXTS = {"0", "1.5", "-2.5", " 12.345 ", ".5", "5.", "-0.005", "1.5e2", "-1E-3",
        "99999999999999999999.99", "123456789012345678901234567890", "abc", "", "1.2.3", "+7", "1e400", "0.0000000001"};

    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();   // fails the test on a leak
    }

    static Stream<Expr> expressions() {
        List<Expr> all = new ArrayList<>();
        List<String> decimals = List.of("a", "b", "c", "w", "x", "z", "t");
        String[][] pairs = {{"a", "b"}, {"a", "a"}, {"b", "c"}, {"a", "c"}, {"c", "w"}, {"w", "x"}, {"x", "z"},
            {"a", "i"}, {"i", "c"}, {"t", "t"}, {"t", "i"}, {"w", "w"}};
        for (String[] p : pairs) {
            for (BinaryOp op : List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.MOD)) {
                all.add(new Binary(op, col(p[0]), col(p[1])));
            }
            for (BinaryOp op : List.of(BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE)) {
                all.add(new Binary(op, col(p[0]), col(p[1])));
            }
        }
        for (String d : decimals) {
            all.add(col(d).add(1));
            all.add(col(d).mod(lit(new BigDecimal("0.07"))));
            all.add(col(d).mod(0));
            all.add(col(d).mul(lit(new BigDecimal("-0.5"))));
            all.add(col(d).gt(lit(new BigDecimal("1.25"))));
            all.add(col(d).le(0));
            all.add(col(d).eq(nullOf(FloeType.INT64)));
            all.add(col(d).lt(col("f")));
            all.add(col(d).add(col("f")));
            all.add(col(d).div(col("a")));
            all.add(col(d).negate());
            all.add(col(d).isNull());
            all.add(abs(col(d)));
            all.add(round(col(d)));
            all.add(round(col(d), 1));
            all.add(round(col(d), -2));
            all.add(floor(col(d)));
            all.add(ceil(col(d)));
            all.add(col(d).between(lit(new BigDecimal("-1.5")), 100));
            all.add(col(d).isin(0, lit(new BigDecimal("1.25")), lit(new BigDecimal("-0.001")), 3));
            all.add(col(d).isin(1, null));
            for (FloeType to : List.of(FloeType.INT64, FloeType.FLOAT64, FloeType.STRING, D9_2, D5_4, D38_10, D3_0)) {
                all.add(col(d).cast(to));
                all.add(col(d).tryCast(to));
            }
        }
        for (String from : List.of("i", "f", "s")) {
            for (FloeType to : List.of(D9_2, D5_4, D18_6, D38_10, D38_0, D3_0)) {
                all.add(col(from).cast(to));
                all.add(col(from).tryCast(to));
            }
        }
        all.add(coalesce(col("a"), col("b")));
        all.add(coalesce(col("b"), col("i"), lit(new BigDecimal("0.5"))));
        all.add(coalesce(col("t"), col("z")));
        all.add(nullif(col("a"), col("b")));
        all.add(when(col("a").gt(0)).then(col("a")).when(col("i").lt(0)).then(col("i")).otherwise(col("b")));
        all.add(when(col("c").isNull()).then(col("w")).otherwise(col("x")));
        all.add(when(col("a").gt(col("b"))).then(col("t")).end());
        all.add(col("a").add(col("b")).mul(col("c")).gt(col("w")).or(col("t").isNull()));
        all.add(lit(new BigDecimal("1.5")).add(lit(new BigDecimal("2.25"))));
        all.add(lit(new BigDecimal("1.5")).gt(col("a")));
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
            assertEquals(evaluator.expression(), TypeChecker.coerce(evaluator.expression(), SCHEMA), "coercion is idempotent");
            for (boolean tame : new boolean[] {false, true}) {
                for (double nullRate : new double[] {0, 0.25}) {
                    Collections.shuffle(sizes, random);
                    for (int rows : sizes) {
                        check(evaluator, random(rows, nullRate, tame, random), rows);
                    }
                }
            }
        }
    }

    private void check(ExprEvaluator evaluator, Map<String, Object[]> columns, int rows) {
        OracleCheck.check(evaluator, SCHEMA, columns, rows, allocator, DecimalOracle::eval, true);
    }

    /**
     * Random columns of {@link #SCHEMA} with NULLs: decimals of every magnitude up to the precision, doubles
     * and texts that cannot be cast; or, {@code tame}, values of at most a third of the digits and only
     * finite doubles and numeric texts, so that casts and overflow-prone operations mostly succeed.
     */
    static Map<String, Object[]> random(int rows, double nullRate, boolean tame, Random random) {
        Map<String, Object[]> columns = new LinkedHashMap<>();
        for (Field f : SCHEMA.fields()) {
            Object[] values = new Object[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = random.nextDouble() < nullRate ? null : value(f.type(), tame, random);
            }
            columns.put(f.name(), values);
        }
        return columns;
    }

    static Object value(FloeType type, boolean tame, Random random) {
        int pick = random.nextInt(8);
        if (tame) {
            return switch (type.kind()) {
                case DECIMAL -> decimal(type, random, pick == 4 ? 0 : pick, Math.max(1, type.precision() / 3));
                case INT64 -> (long) random.nextInt(2001) - 1000;
                case FLOAT64 -> (random.nextInt(2_000_001) - 1_000_000) / 1000.0;
                case STRING -> decimal(FloeType.decimal(6, random.nextInt(4)), random, pick, 2).toPlainString();
                default -> throw new IllegalArgumentException(type.toString());
            };
        }
        return switch (type.kind()) {
            case DECIMAL -> decimal(type, random, pick, type.precision());
            case INT64 -> pick < 4 ? (long) random.nextInt(2001) - 1000 : pick < 7 ? (long) random.nextInt() : random.nextLong();
            case FLOAT64 -> {
                double[] special = {0.0, -0.0, 0.15, 2.5, -2.5, 1.005, 1e20, Double.NaN, Double.POSITIVE_INFINITY};
                yield pick < 2 ? special[random.nextInt(special.length)]
                        : pick < 6 ? (random.nextInt(2_000_001) - 1_000_000) / 100.0
                        : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 10);
            }
            case STRING -> pick < 4 ? TEXTS[random.nextInt(TEXTS.length)]
                    : decimal(FloeType.decimal(20, random.nextInt(8)), random, pick, 20).toPlainString();
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    /** A random DECIMAL of {@code type} with at most {@code maxDigits} digits (but the largest value at pick 4). */
    private static BigDecimal decimal(FloeType type, Random random, int pick, int maxDigits) {
        BigInteger limit = BigInteger.TEN.pow(type.precision());
        BigInteger unscaled;
        if (pick == 0) {
            unscaled = BigInteger.ZERO;
        } else if (pick < 4) {
            unscaled = BigInteger.valueOf(random.nextInt(2001) - 1000).mod(BigInteger.TEN.pow(maxDigits));   // equal pairs common
            unscaled = random.nextBoolean() ? unscaled : unscaled.negate();
        } else if (pick == 4) {
            unscaled = limit.subtract(BigInteger.ONE);                              // the largest
        } else {
            int digits = 1 + random.nextInt(maxDigits);
            unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        }
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, type.scale());
    }


    // ---- type checking

    private static FloeType type(Expr e) {
        return TypeChecker.typeOf(e, SCHEMA);
    }

    @Test
    void resultTypesFollowDuckDb() {
        assertEquals(FloeType.decimal(12, 4), type(col("a").add(col("b"))));
        assertEquals(FloeType.decimal(12, 4), type(col("b").sub(col("a"))));
        assertEquals(FloeType.decimal(14, 6), type(col("a").mul(col("b"))));
        assertEquals(FloeType.decimal(38, 10), type(col("x").add(col("z"))));     // capped at 38
        assertEquals(FloeType.decimal(38, 16), type(col("w").mul(col("x"))));     // capped at 38
        assertEquals(FloeType.decimal(22, 2), type(col("a").add(col("i"))));      // BIGINT as DECIMAL(19,0)
        assertEquals(FloeType.decimal(28, 2), type(col("i").mul(col("a"))));
        assertEquals(FloeType.decimal(10, 2), type(col("a").add(lit(new BigDecimal("1.5")))));
        assertEquals(FloeType.FLOAT64, type(col("a").add(col("f"))));
        assertEquals(FloeType.FLOAT64, type(col("a").div(col("b"))));
        assertEquals(FloeType.FLOAT64, type(col("a").div(2)));
        assertEquals(FloeType.decimal(11, 4), type(col("a").mod(col("b"))));   // exact, as in DuckDB
        assertEquals(FloeType.FLOAT64, type(col("a").mod(col("f"))));
        assertEquals(FloeType.FLOAT64, type(col("a").intDiv(2)));
        assertEquals(D9_2, type(col("a").negate()));
        assertEquals(D9_2, type(abs(col("a"))));
        // round, floor and ceil as DuckDB types them: room for a carry, the scale rounded to
        assertEquals(FloeType.decimal(9, 1), type(round(col("a"), 1)));
        assertEquals(D9_2, type(round(col("a"), 5)));
        assertEquals(FloeType.decimal(9, 0), type(round(col("a"), -2)));
        assertEquals(FloeType.decimal(9, 0), type(floor(col("a"))));
        assertEquals(FloeType.decimal(10, 2), type(round(col("a"), col("i"))));
        assertEquals(FloeType.FLOAT64, type(Expressions.sqrt(col("a"))));
        assertEquals(FloeType.decimal(11, 4), type(coalesce(col("a"), col("b"))));
        assertEquals(FloeType.decimal(21, 2), type(coalesce(col("a"), col("i"))));
        assertEquals(FloeType.FLOAT64, type(coalesce(col("a"), col("f"))));
        assertEquals(FloeType.decimal(38, 10), type(coalesce(col("x"), col("z"))));   // 38: integer digits give way, never the scale
        assertEquals(FloeType.decimal(11, 4), type(when(col("a").gt(0)).then(col("a")).otherwise(col("b"))));
        assertEquals(FloeType.STRING, type(col("a").concat("x")));
        for (Expr e : List.of(col("a").lt(col("b")), col("a").eq(col("i")), col("a").ge(col("f")), col("a").isNull(),
                col("a").between(col("b"), 3), col("a").isin(1, lit(new BigDecimal("2.5"))), col("t").isin(1.5))) {
            assertEquals(FloeType.BOOLEAN, type(e), e::toSql);
        }
    }

    @Test
    void aggregateTypes() {
        assertEquals(FloeType.decimal(38, 2), TypeChecker.aggregateType((AggregateCall) Expressions.sum("a"), SCHEMA));
        assertEquals(FloeType.decimal(38, 10), TypeChecker.aggregateType((AggregateCall) Expressions.sum("x"), SCHEMA));
        assertEquals(FloeType.FLOAT64, TypeChecker.aggregateType((AggregateCall) Expressions.mean("a"), SCHEMA));
        assertEquals(D9_2, TypeChecker.aggregateType((AggregateCall) Expressions.min("a"), SCHEMA));
        assertEquals(D5_4, TypeChecker.aggregateType((AggregateCall) Expressions.last("b"), SCHEMA));
        assertEquals(FloeType.INT64, TypeChecker.aggregateType((AggregateCall) Expressions.count("a"), SCHEMA));
    }

    @Test
    void decimalsOfDifferentScalesMeetUncast() {
        Expr coerced = TypeChecker.coerce(col("a").lt(col("b")), SCHEMA);
        assertEquals(col("a").lt(col("b")), coerced);
        // compared, a BIGINT literal becomes the DECIMAL literal of its digits, a column a cast to DECIMAL(19,0)
        assertEquals(col("a").gt(new Literal(new BigDecimal("-500"), FloeType.decimal(3, 0))),
                TypeChecker.coerce(col("a").gt(-500), SCHEMA));
        assertEquals(col("a").eq(col("i").cast(TypeChecker.BIGINT_AS_DECIMAL)), TypeChecker.coerce(col("a").eq(col("i")), SCHEMA));
        // in arithmetic too a BIGINT literal is the DECIMAL of its digits, a column DECIMAL(19,0)
        assertEquals(col("a").mul(new Literal(new BigDecimal("2"), FloeType.decimal(1, 0))),
                TypeChecker.coerce(col("a").mul(2), SCHEMA));
        assertEquals(FloeType.decimal(10, 2), type(col("a").add(1)));
        assertEquals(FloeType.decimal(10, 2), type(col("a").mul(2)));
        assertEquals(col("a").add(col("i").cast(TypeChecker.BIGINT_AS_DECIMAL)),
                TypeChecker.coerce(col("a").add(col("i")), SCHEMA));
        assertEquals(col("a").cast(FloeType.FLOAT64).lt(col("f")), TypeChecker.coerce(col("a").lt(col("f")), SCHEMA));
    }

    @Test
    void unsupportedDecimalOperationsArePlanErrors() {
        assertPlanError("the product (((x * x) * x) * x) of DECIMAL(38,30) and DECIMAL(38,10) would have 40 digits after"
                + " the point, more than the 38 a DECIMAL holds; cast an operand to a DECIMAL of smaller scale, or to DOUBLE",
                col("x").mul(col("x")).mul(col("x")).mul(col("x")));
        assertPlanError("cannot cast DECIMAL(9,2) to BOOLEAN in CAST(a AS BOOLEAN)", col("a").cast(FloeType.BOOLEAN));
        assertPlanError("cannot cast BOOLEAN to DECIMAL(9,2) in TRY_CAST(true AS DECIMAL(9,2))", lit(true).tryCast(D9_2));
        assertPlanError("operator < cannot take DECIMAL(9,2) and VARCHAR", col("a").lt(col("s")));
        assertPlanError("cannot mix DECIMAL(9,2) and VARCHAR", coalesce(col("a"), col("s")));
    }

    private void assertPlanError(String start, Expr e) {
        PlanException error = assertThrows(PlanException.class, () -> ExprEvaluator.compile(e, SCHEMA, allocator).close());
        assertTrue(error.getMessage().startsWith(start) || error.getMessage().contains(start),
                () -> "expected '" + start + "' in: " + error.getMessage());
    }

    // ---- casts, rounding and errors on chosen values

    private Object[] eval(Expr expr, FloeType type, Object... values) {
        Schema schema = Schema.of(new Field("v", type));
        Object[] column = values;
        try (VectorSchemaRoot batch = Batches.root(schema, Map.of("v", column), values.length, allocator);
             ExprEvaluator e = ExprEvaluator.compile(expr, schema, allocator)) {
            FieldVector v = e.evaluate(batch);
            Object[] out = new Object[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Values.get(v, i);
            }
            return out;
        }
    }

    private static List<Object> decimals(String... texts) {
        List<Object> out = new ArrayList<>();
        for (String t : texts) {
            out.add(t == null ? null : new BigDecimal(t));
        }
        return out;
    }

    @Test
    void castsRoundHalfAwayFromZero() {
        assertEquals(decimals("3", "-3", "1", "-2", null, "0"),
                Arrays.asList(eval(col("v").cast(D3_0), FloeType.FLOAT64, 2.5, -2.5, 1.5 - 1e-9, -2.4999, null, -0.0)));
        assertEquals(decimals("0.2", "1.0", "-0.2"),
                Arrays.asList(eval(col("v").cast(FloeType.decimal(2, 1)), FloeType.FLOAT64, 0.15, 0.95, -0.15)));
        assertEquals(decimals("1.01", "-1.01", "12.35", "0.00", "150.00", "-0.01", "0.00", "0.00", "0.01", "-0.01"),
                Arrays.asList(eval(col("v").cast(D9_2), FloeType.STRING, "1.005", "-1.005", " 12.345 ", "0.004",
                        "1.5e2", "-0.005", "1e-999999999", "-4.9e-3", "5e-3", "-0.5E-2")));
        assertEquals(Arrays.asList(3L, -3L, 2L, 0L, null),
                Arrays.asList(eval(col("v").cast(FloeType.INT64), D9_2, new BigDecimal("2.50"), new BigDecimal("-2.50"),
                        new BigDecimal("2.49"), new BigDecimal("0.00"), null)));
        assertEquals(decimals("1.3", "-1.3", "100.0"),
                Arrays.asList(eval(col("v").cast(FloeType.decimal(4, 1)), D9_2, new BigDecimal("1.25"),
                        new BigDecimal("-1.25"), new BigDecimal("99.99"))));
        assertEquals(Arrays.asList("12.30", "-0.05", "0.00", null, "-1234567.89"),
                Arrays.asList(eval(col("v").cast(FloeType.STRING), D9_2, new BigDecimal("12.30"),
                        new BigDecimal("-0.05"), new BigDecimal("0.00"), null, new BigDecimal("-1234567.89"))));
        BigDecimal wide = new BigDecimal("-1234567890123456789012.3456789012");
        assertEquals(Arrays.asList(wide.toPlainString(), "0.0000000001"),
                Arrays.asList(eval(col("v").cast(FloeType.STRING), D38_10, wide, new BigDecimal("0.0000000001"))));
    }

    @Test
    void tryCastGivesNullWhereCastFails() {
        assertEquals(Arrays.asList(null, new BigDecimal("999"), null, null, null),
                Arrays.asList(eval(col("v").tryCast(D3_0), FloeType.STRING, "1000", "999.4", "abc", "", "1e400")));
        assertEquals(Arrays.asList(null, null, null, new BigDecimal("-999")),
                Arrays.asList(eval(col("v").tryCast(D3_0), FloeType.FLOAT64, Double.NaN, Double.NEGATIVE_INFINITY, 999.5, -999.4)));
        assertEquals(Arrays.asList(null, new BigDecimal("-999")),
                Arrays.asList(eval(col("v").tryCast(D3_0), FloeType.INT64, 1000L, -999L)));
        assertEquals(Arrays.asList(null, 1L),
                Arrays.asList(eval(col("v").tryCast(FloeType.INT64), D38_0, new BigDecimal("9223372036854775808"),
                        new BigDecimal("1"))));
    }

    @Test
    void errorsNameTheValueTheRowAndTheType() {
        assertEvaluationError("cannot cast 1000 to DECIMAL(3,0) in CAST(v AS DECIMAL(3,0)) at row 1: it has more than 3"
                + " digits before the point; use a wider DECIMAL, or TRY_CAST for NULL instead",
                col("v").cast(D3_0), FloeType.INT64, 5L, 1000L);
        assertEvaluationError("cannot cast NaN to DECIMAL(3,0) in CAST(v AS DECIMAL(3,0)) at row 0: it is not a finite number",
                col("v").cast(D3_0), FloeType.FLOAT64, Double.NaN);
        assertEvaluationError("cannot cast '12x' to DECIMAL(3,0) at row 2 in CAST(v AS DECIMAL(3,0)): expected a number",
                col("v").cast(D3_0), FloeType.STRING, "1", null, "12x");
        assertEvaluationError("cannot cast '1000' to DECIMAL(3,0) at row 0 in CAST(v AS DECIMAL(3,0)): expected at most 3"
                + " digits before the point", col("v").cast(D3_0), FloeType.STRING, "1000");
        // results of uncapped precision always fit: only a type capped at 38 digits can overflow
        BigDecimal e20 = BigDecimal.TEN.pow(20);
        assertEvaluationError("DECIMAL overflow in (v * v) at row 1: " + e20 + " * " + e20 + " = " + e20.pow(2)
                + " does not fit in DECIMAL(38,0) (38 digits before the point)",
                col("v").mul(col("v")), D38_0, new BigDecimal("1"), e20);
        assertEvaluationError("DECIMAL overflow in round(v, -3) at row 0: round(999, -3) is 1000, which does not fit in"
                + " DECIMAL(3,0)", round(col("v"), -3), D3_0, new BigDecimal("999"));
        assertEvaluationError("cannot cast 9223372036854775808 to BIGINT in CAST(v AS BIGINT) at row 0: it is out of the"
                + " BIGINT range", col("v").cast(FloeType.INT64), D38_0, new BigDecimal("9223372036854775808"));
        BigDecimal big = new BigDecimal("9999999999999999999999999999.9999999999");
        assertEvaluationError("DECIMAL overflow in (v + v) at row 0: " + big.toPlainString() + " + " + big.toPlainString(),
                col("v").add(col("v")), D38_10, big);
    }

    private void assertEvaluationError(String start, Expr expr, FloeType type, Object... values) {
        EvaluationException error = assertThrows(EvaluationException.class, () -> eval(expr, type, values));
        assertTrue(error.getMessage().startsWith(start), () -> "expected '" + start + "' at the start of: " + error.getMessage());
    }

    @Test
    void fitsPrecisionIn128BitsAgreesWithBigInteger() {
        Random random = new Random(3);
        List<BigInteger> values = new ArrayList<>();
        for (int p = 0; p <= 38; p++) {
            BigInteger power = BigInteger.TEN.pow(p);
            for (BigInteger v : List.of(power, power.subtract(BigInteger.ONE), power.add(BigInteger.ONE))) {
                values.add(v);
                values.add(v.negate());
            }
        }
        for (int k = 0; k < 2000; k++) {
            values.add(new BigInteger(1 + random.nextInt(126), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
        }
        values.add(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        values.add(BigInteger.valueOf(Long.MIN_VALUE));
        values.add(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));
        for (BigInteger v : values) {
            long high = v.shiftRight(64).longValue();
            long low = v.longValue();
            assertEquals(v, dev.floe.expressions.eval.Decimals.toBigInteger(high, low));
            for (int p = 1; p <= 38; p++) {
                assertEquals(v.abs().compareTo(BigInteger.TEN.pow(p)) < 0,
                        dev.floe.expressions.eval.Decimals.fitsPrecision(high, low, p), v + " in " + p + " digits");
            }
        }
    }

    @Test
    void wideArithmeticIsExact() {
        BigDecimal x = new BigDecimal("1234567890123456789012345678.0123456789");
        BigDecimal y = new BigDecimal("-0.0000000001");
        Schema schema = Schema.of(new Field("x", D38_10), new Field("y", D38_10));
        Map<String, Object[]> columns = Map.of("x", new Object[] {x, y}, "y", new Object[] {y, y});
        try (VectorSchemaRoot batch = Batches.root(schema, columns, 2, allocator);
             ExprEvaluator sum = ExprEvaluator.compile(col("x").sub(col("y")), schema, allocator);
             ExprEvaluator eq = ExprEvaluator.compile(col("x").gt(col("y").cast(FloeType.decimal(12, 2))), schema, allocator)) {
            FieldVector s = sum.evaluate(batch);
            assertEquals(x.subtract(y), Values.get(s, 0));
            assertEquals(new BigDecimal("0E-10"), Values.get(s, 1));
            FieldVector e = eq.evaluate(batch);
            assertEquals(true, Values.get(e, 0));
            assertEquals(false, Values.get(e, 1));   // -0.0000000001 > -0.00: false (the cast rounds it to 0.00)
        }
    }

    @Test
    void sqlTextOfDecimals() {
        // digits that SQL reads back as the same DECIMAL print as they are; others as a cast
        assertEquals("12.50", lit(new BigDecimal("12.50")).toSql());
        assertEquals("-0.05", lit(new BigDecimal("-0.05")).toSql());
        assertEquals("CAST('12.50' AS DECIMAL(9,2))", new Literal(new BigDecimal("12.50"), D9_2).toSql());
        assertEquals("CAST('1000' AS DECIMAL(4,0))", lit(new BigDecimal("1E+3")).toSql());
        assertEquals("CAST(a AS DECIMAL(9,2))", col("a").cast(D9_2).toSql());
        assertEquals("TRY_CAST(s AS DECIMAL(38,10))", col("s").tryCast(D38_10).toSql());
        assertEquals("(a + 1.5)", col("a").add(lit(new BigDecimal("1.5"))).toSql());
        // the printed SQL names the types, so parsing it back gives the same type (FloeType.fromSqlName)
        assertEquals(D38_10, FloeType.fromSqlName(D38_10.sqlName()));
    }
}
