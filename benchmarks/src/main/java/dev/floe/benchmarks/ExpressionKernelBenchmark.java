package dev.floe.benchmarks;

import static dev.floe.expressions.Expressions.col;

import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.Selection;
import dev.floe.expressions.eval.Decimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The expression kernels over one 65,536-row batch of the Dask {@code timeseries} shape (ns per row =
 * score / 65,536): the filter {@code value > 0.5} down to selected row indices, arithmetic
 * ({@code value * 2 + id}), {@code hour(timestamp)} on sorted timestamps, a LIKE with a prefix pattern
 * (the byte fast path) and one with {@code _} (the general matcher), and {@code lower(name)}; and on two
 * DECIMAL(18,2) columns (money: {@code price} within ±1,000,000.00, {@code cost} within 0..100,000.00),
 * {@code price + cost} (DECIMAL(19,2)), {@code price * cost} (DECIMAL(36,4)) and the filter
 * {@code price > 100.05}. Both results are of a type past 18 digits, but the values and the results fit a
 * long, so the kernel's per-row long arithmetic with its precision check is what is measured (money, not
 * the 128-bit path). {@code wideA + wideB} adds two DECIMAL(38,6) columns of about 31 digits (values below
 * 2^100 of either sign): the two-word 128-bit path with carry.
 * {@code nullRate} adds NULLs, which switch some kernels to their NULL-aware loops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g",
        "-Darrow.enable_unsafe_memory_access=true"})
public class ExpressionKernelBenchmark {
    static final int ROWS = 65_536;
    private static final Schema SCHEMA = Schema.of(new Field("id", FloeType.INT64), new Field("value", FloeType.FLOAT64),
            new Field("name", FloeType.STRING), new Field("timestamp", FloeType.TIMESTAMP),
            new Field("price", FloeType.decimal(18, 2)), new Field("cost", FloeType.decimal(18, 2)),
            new Field("wideA", FloeType.decimal(38, 6)), new Field("wideB", FloeType.decimal(38, 6)));
    private static final String[] NAMES = {"Alice", "Bob", "Charlie", "Dan", "Edith", "Frank", "George", "Hannah",
        "Ingrid", "Jerry", "Kevin", "Laura", "Michael", "Norbert", "Oliver", "Patricia", "Quinn", "Ray", "Sarah",
        "Tim", "Ursula", "Victor", "Wendy", "Xavier", "Yvonne", "Zelda"};

    @Param({"0", "0.1"})
    public double nullRate;

    private BufferAllocator allocator;
    private VectorSchemaRoot batch;
    private ExprEvaluator filter;
    private ExprEvaluator arithmetic;
    private ExprEvaluator hour;
    private ExprEvaluator likePrefix;
    private ExprEvaluator likeGeneral;
    private ExprEvaluator lower;
    private ExprEvaluator decimalPlus;
    private ExprEvaluator decimalTimes;
    private ExprEvaluator decimalFilter;
    private ExprEvaluator decimalWidePlus;
    private int[] selected;

    @Setup(Level.Trial)
    public void setUp() {
        allocator = new RootAllocator();
        SplittableRandom random = new SplittableRandom(42);
        BigIntVector id = new BigIntVector("id", allocator);
        Float8Vector value = new Float8Vector("value", allocator);
        VarCharVector name = new VarCharVector("name", allocator);
        TimeStampMicroVector ts = (TimeStampMicroVector) SCHEMA.field(3).toArrow().createVector(allocator);
        id.allocateNew(ROWS);
        value.allocateNew(ROWS);
        name.allocateNew(ROWS * 8L, ROWS);
        ts.allocateNew(ROWS);
        DecimalVector price = (DecimalVector) SCHEMA.field(4).toArrow().createVector(allocator);
        DecimalVector cost = (DecimalVector) SCHEMA.field(5).toArrow().createVector(allocator);
        DecimalVector wideA = (DecimalVector) SCHEMA.field(6).toArrow().createVector(allocator);
        DecimalVector wideB = (DecimalVector) SCHEMA.field(7).toArrow().createVector(allocator);
        for (DecimalVector d : List.of(price, cost, wideA, wideB)) {
            d.allocateNew(ROWS);
        }
        long start = 946_684_800_000_000L;   // 2000-01-01, one row a second as Dask's timeseries
        for (int i = 0; i < ROWS; i++) {
            boolean isNull = random.nextDouble() < nullRate;
            if (isNull) {
                id.setNull(i);
                value.setNull(i);
                name.setNull(i);
                ts.setNull(i);
                price.setNull(i);
                cost.setNull(i);
                wideA.setNull(i);
                wideB.setNull(i);
                continue;
            }
            id.set(i, 1000 + random.nextInt(100));
            value.set(i, random.nextDouble() * 2 - 1);
            name.setSafe(i, NAMES[random.nextInt(NAMES.length)].getBytes(StandardCharsets.UTF_8));
            ts.set(i, start + i * 1_000_000L);
            Decimals.setLong(price.getDataBuffer(), i, random.nextLong(-100_000_000L, 100_000_001L));
            price.setIndexDefined(i);
            Decimals.setLong(cost.getDataBuffer(), i, random.nextLong(10_000_001L));
            cost.setIndexDefined(i);
            for (DecimalVector d : List.of(wideA, wideB)) {
                BigInteger u = new BigInteger(100, new java.util.Random(random.nextLong()));
                Decimals.setBig(d.getDataBuffer(), i, random.nextBoolean() ? u : u.negate());
                d.setIndexDefined(i);
            }
        }
        for (FieldVector v : List.<FieldVector>of(id, value, name, ts, price, cost, wideA, wideB)) {
            v.setValueCount(ROWS);
        }
        batch = new VectorSchemaRoot(List.of(id, value, name, ts, price, cost, wideA, wideB));
        batch.setRowCount(ROWS);
        filter = ExprEvaluator.compile(col("value").gt(0.5), SCHEMA, allocator);
        arithmetic = ExprEvaluator.compile(col("value").mul(2).add(col("id")), SCHEMA, allocator);
        hour = ExprEvaluator.compile(col("timestamp").dt().hour(), SCHEMA, allocator);
        likePrefix = ExprEvaluator.compile(col("name").like("Al%"), SCHEMA, allocator);
        likeGeneral = ExprEvaluator.compile(col("name").like("%a_e%"), SCHEMA, allocator);
        lower = ExprEvaluator.compile(dev.floe.expressions.Expressions.lower(col("name")), SCHEMA, allocator);
        decimalPlus = ExprEvaluator.compile(col("price").add(col("cost")), SCHEMA, allocator);
        decimalTimes = ExprEvaluator.compile(col("price").mul(col("cost")), SCHEMA, allocator);
        decimalFilter = ExprEvaluator.compile(col("price").gt(new BigDecimal("100.05")), SCHEMA, allocator);
        decimalWidePlus = ExprEvaluator.compile(col("wideA").add(col("wideB")), SCHEMA, allocator);
        if (decimalPlus.type() != FloeType.decimal(19, 2) || decimalTimes.type() != FloeType.decimal(36, 4)) {
            throw new IllegalStateException("the DECIMAL kernels are not the ones described: price + cost is "
                    + decimalPlus.type().sqlName() + ", price * cost " + decimalTimes.type().sqlName());
        }
        selected = new int[ROWS];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (ExprEvaluator e : List.of(filter, arithmetic, hour, likePrefix, likeGeneral, lower, decimalPlus, decimalTimes,
                decimalFilter, decimalWidePlus)) {
            e.close();
        }
        batch.close();
        allocator.close();
    }

    /** {@code value > 0.5}, then the indices of the rows it keeps. */
    @Benchmark
    public int filterValueGreaterThanHalf() {
        BitVector keep = (BitVector) filter.evaluate(batch);
        return Selection.select(keep, ROWS, selected);
    }

    @Benchmark
    public FieldVector arithmeticValueTimesTwoPlusId() {
        return arithmetic.evaluate(batch);
    }

    @Benchmark
    public FieldVector hourOfTimestamp() {
        return hour.evaluate(batch);
    }

    @Benchmark
    public FieldVector likePrefix() {
        return likePrefix.evaluate(batch);
    }

    @Benchmark
    public FieldVector likeWithUnderscore() {
        return likeGeneral.evaluate(batch);
    }

    @Benchmark
    public FieldVector lowerName() {
        return lower.evaluate(batch);
    }

    /** {@code price + cost}: DECIMAL(18,2) + DECIMAL(18,2) is DECIMAL(19,2). */
    @Benchmark
    public FieldVector decimalPricePlusCost() {
        return decimalPlus.evaluate(batch);
    }

    /** {@code price * cost}: DECIMAL(36,4). */
    @Benchmark
    public FieldVector decimalPriceTimesCost() {
        return decimalTimes.evaluate(batch);
    }

    /** {@code price > 100.05} (a DECIMAL(5,2) literal), then the indices of the rows it keeps. */
    @Benchmark
    public int decimalFilterPriceGreaterThanLiteral() {
        BitVector keep = (BitVector) decimalFilter.evaluate(batch);
        return Selection.select(keep, ROWS, selected);
    }

    /** {@code wideA + wideB}: DECIMAL(38,6) + DECIMAL(38,6), values beyond a long. */
    @Benchmark
    public FieldVector decimalWidePlus() {
        return decimalWidePlus.evaluate(batch);
    }
}
