package dev.floe.benchmarks;

import dev.floe.dataframe.exec.agg.AggregateLayout;
import dev.floe.dataframe.exec.agg.AggregateState;
import dev.floe.expressions.AggregateFunction;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.eval.Decimals;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
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
 * The hash aggregation kernel: {@code mean(value)} grouped by a BIGINT key over one 65,536-row batch
 * (ns per row = score / 65,536), with few groups (24, the hour of a day: the direct-mapped path), and
 * many (up to 2 million: the hash-map path); and the combine step merging 8 partial states.
 * {@code aggregate = sum(decimal)} runs {@code sum(price)} of a DECIMAL(18,2) column (money within
 * ±1,000,000.00; the state is DECIMAL(38,2)) instead of {@code mean(value)} of a DOUBLE.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g",
        "-Darrow.enable_unsafe_memory_access=true"})
public class HashAggregationBenchmark {
    static final int ROWS = 65_536;
    private static final AggregateLayout MEAN_DOUBLE = new AggregateLayout(List.of(FloeType.INT64),
            List.of(AggregateFunction.MEAN), List.of(FloeType.FLOAT64), List.of("avg(value)"));
    private static final FloeType PRICE = FloeType.decimal(18, 2);
    private static final AggregateLayout SUM_DECIMAL = new AggregateLayout(List.of(FloeType.INT64),
            List.of(AggregateFunction.SUM), List.of(PRICE), List.of("sum(price)"));

    @Param({"24", "100000", "2000000"})
    public int groups;

    @Param({"avg(double)", "sum(decimal)"})
    public String aggregate;

    private BufferAllocator allocator;
    private BigIntVector keys;
    private FieldVector values;
    private AggregateLayout layout;
    private int[] groupIds;
    private List<AggregateState> partials;

    @Setup(Level.Trial)
    public void setUp() {
        allocator = new RootAllocator();
        keys = new BigIntVector("k", allocator);
        keys.allocateNew(ROWS);
        boolean decimal = aggregate.equals("sum(decimal)");
        layout = decimal ? SUM_DECIMAL : MEAN_DOUBLE;
        Float8Vector doubles = decimal ? null : new Float8Vector("v", allocator);
        DecimalVector prices = decimal ? new DecimalVector("v", allocator, PRICE.precision(), PRICE.scale()) : null;
        values = decimal ? prices : doubles;
        values.setInitialCapacity(ROWS);
        values.allocateNew();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ROWS; i++) {
            keys.set(i, random.nextInt(groups));
            if (decimal) {
                Decimals.setLong(prices.getDataBuffer(), i, random.nextLong(-100_000_000L, 100_000_001L));
                prices.setIndexDefined(i);
            } else {
                doubles.set(i, random.nextDouble() * 2 - 1);
            }
        }
        keys.setValueCount(ROWS);
        values.setValueCount(ROWS);
        groupIds = new int[ROWS];
    }

    @Setup(Level.Invocation)
    public void makePartials() {
        partials = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            AggregateState s = new AggregateState(layout);
            s.update(new FieldVector[] {keys}, new FieldVector[] {values}, ROWS, groupIds);
            partials.add(s);
        }
    }

    /** chunk: one batch into a fresh partial state. */
    @Benchmark
    public AggregateState update() {
        AggregateState s = new AggregateState(layout);
        s.update(new FieldVector[] {keys}, new FieldVector[] {values}, ROWS, groupIds);
        return s;
    }

    /** combine: eight partial states merged into the first. */
    @Benchmark
    public AggregateState combineEight() {
        AggregateState first = partials.get(0);
        for (int i = 1; i < partials.size(); i++) {
            first.merge(partials.get(i));
        }
        return first;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        keys.close();
        values.close();
        allocator.close();
    }
}
