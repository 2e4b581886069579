package dev.floe.expressions;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.nullOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Every kernel against {@link Oracle}, row by row, over random batches of several sizes (0, 1, around the
 * 8- and 64-row boundaries, 1000), with and without NULLs. One evaluator serves all the batches of a
 * test in shuffled size order, so output reuse and reallocation are exercised too.
 */
class KernelOracleTest {
    private static final Schema SCHEMA = Batches.ALL_TYPES;
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
        for (BinaryOp op : List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.MOD)) {
            all.add(new Binary(op, col("i1"), col("i2")));
            all.add(new Binary(op, col("i1"), lit(3)));
            all.add(new Binary(op, lit(7), col("i2")));
            all.add(new Binary(op, col("i1"), lit(0)));
            all.add(new Binary(op, col("i1"), nullOf(FloeType.INT64)));
        }
        for (BinaryOp op : List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MOD)) {
            all.add(new Binary(op, col("f1"), col("f2")));
            all.add(new Binary(op, col("f1"), lit(0.5)));
            all.add(new Binary(op, lit(2.0), col("f2")));
            all.add(new Binary(op, col("f1"), lit(0.0)));
            all.add(new Binary(op, col("i1"), col("f2")));
            all.add(new Binary(op, col("i1"), col("i2")).cast(FloeType.FLOAT64));
        }
        all.add(col("i1").div(col("i2")));
        Random random = new Random(7);
        for (FloeType type : FloeType.values()) {
            String x1 = SCHEMA.field(type.kind().ordinal() * 2).name();
            String x2 = SCHEMA.field(type.kind().ordinal() * 2 + 1).name();
            for (BinaryOp op : List.of(BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE)) {
                all.add(new Binary(op, col(x1), col(x2)));
                all.add(new Binary(op, col(x1), new Literal(Batches.value(type, random), type)));
                all.add(new Binary(op, new Literal(Batches.value(type, random), type), col(x2)));
                all.add(new Binary(op, col(x1), nullOf(type)));
            }
            all.add(col(x1).isNull());
            all.add(col(x2).isNotNull());
        }
        all.add(col("i1").lt(col("f1")));
        all.add(col("b1").and(col("b2")));
        all.add(col("b1").or(col("b2")));
        all.add(col("b1").not());
        for (Boolean b : new Boolean[] {true, false, null}) {
            Expr l = b == null ? nullOf(FloeType.BOOLEAN) : lit(b);
            all.add(col("b1").and(l));
            all.add(l.and(col("b2")));
            all.add(col("b1").or(l));
            all.add(l.or(col("b2")));
        }
        all.add(col("i1").negate());
        all.add(col("f1").negate());
        for (DatePart.Unit unit : DatePart.Unit.values()) {
            all.add(new DatePart(unit, col("t1")));
            if (unit.isDateField()) {
                all.add(new DatePart(unit, col("d1")));
            }
        }
        for (String column : List.of("i1", "f1", "b1")) {
            for (FloeType to : List.of(FloeType.INT64, FloeType.FLOAT64, FloeType.BOOLEAN)) {
                all.add(col(column).cast(to));
            }
        }
        all.add(col("d1").cast(FloeType.TIMESTAMP));
        all.add(col("t1").cast(FloeType.DATE));
        all.add(col("t1").lt(col("d1")));
        // nesting, literals on both sides, constants broadcast at the root
        all.add(col("i1").add(3).mul(col("i2")).gt(col("f1")).or(col("b1").and(col("i2").isNull())));
        all.add(col("t1").dt().hour().eq(5).and(col("d1").dt().year().ge(1970)).not());
        all.add(lit(1).add(lit(2)));
        all.add(lit(1).add(lit(2)).gt(col("i1")));
        all.add(nullOf(FloeType.FLOAT64).mul(2.0));
        all.add(lit(true).and(nullOf(FloeType.BOOLEAN)));
        all.add(lit("x").isNull());
        all.add(col("s1").as("alias"));
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
        OracleCheck.check(evaluator, SCHEMA, columns, rows, allocator, Oracle::eval, true);
    }
}
