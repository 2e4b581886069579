package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertClose;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.max;
import static dev.floe.expressions.Expressions.mean;
import static dev.floe.expressions.Expressions.min;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.io.CsvOptions;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A two-key grouped aggregation against a plain loop, over 1, 3 and 17 partitions and splitEvery 2, 8
 * and off (one combine for all partials), on the pool and on the synchronous scheduler.
 */
class AggregationMatrixTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(3, 8_000, 31);

    @TempDir
    static Path dir;
    private static TimeseriesOracle oracle;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        TimeseriesGenerator.write(dir, SPEC);
        oracle = new TimeseriesOracle(SPEC);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int partitions : new int[] {1, 3, 17}) {
            for (int splitEvery : new int[] {2, 8, ExecutionOptions.NO_TREE}) {
                cases.add(Arguments.of(partitions, splitEvery, partitions == 17 && splitEvery == 2));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "partitions={0} splitEvery={1} synchronous={2}")
    @MethodSource("cases")
    void groupByNameAndHour(int partitions, int splitEvery, boolean synchronous) {
        // key "name|hour" -> {rows, sum id, min x, max x, sum x micros}
        Map<String, double[]> expected = new TreeMap<>();
        for (TimeseriesOracle.Row r : oracle.rows()) {
            double[] a = expected.computeIfAbsent(r.name() + "|" + r.hour(),
                    k -> new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
            a[0]++;
            a[1] += r.id();
            a[2] = Math.min(a[2], r.x());
            a[3] = Math.max(a[3], r.x());
            a[4] += r.xMicros();
        }
        DataFrame df = Floe.readCsv(dir.resolve("*.csv").toString(), CsvOptions.parseDates("timestamp"))
                .withScheduler(synchronous ? Scheduler.synchronous() : pool.scheduler()).splitEvery(splitEvery);
        if (partitions == 1) {
            df = df.repartition(1);
        } else if (partitions == 17) {
            df = df.repartition(17);
        }
        assertEquals(partitions, df.npartitions());
        try (Table t = df.groupBy(col("name"), col("timestamp").dt().hour().as("hour"))
                .agg(countStar().as("n"), sum("id").as("sum_id"), min("x").as("min_x"), max("x").as("max_x"),
                        mean("x").as("mean_x"))
                .compute()) {
            assertEquals(expected.size(), t.rowCount());
            for (int row = 0; row < t.rowCount(); row++) {
                double[] a = expected.get(t.get(row, "name") + "|" + t.get(row, "hour"));
                assertEquals((long) a[0], t.get(row, "n"));
                assertEquals((long) a[1], t.get(row, "sum_id"));
                assertEquals(a[2], (Double) t.get(row, "min_x"));
                assertEquals(a[3], (Double) t.get(row, "max_x"));
                assertClose(a[4] / a[0] / 1e6, (Double) t.get(row, "mean_x"), 1e-12, "mean x");
            }
        }
    }

    /** Many groups: past splitOutGroups the combines continue hash-partitioned; same answer as a loop. */
    @ParameterizedTest(name = "splitOutGroups={0} splitEvery={1}")
    @org.junit.jupiter.params.provider.CsvSource({"1000, 2", "10, 8", "1000000000, 2"})
    void manyGroupsSplitOut(long splitOutGroups, int splitEvery) {
        Map<String, long[]> expected = new TreeMap<>();
        for (TimeseriesOracle.Row r : oracle.rows()) {
            long[] a = expected.computeIfAbsent(r.id() + "|" + r.name(), k -> new long[2]);
            a[0]++;
            a[1] += r.valueMicros();
        }
        DataFrame df = Floe.readCsv(dir.resolve("*.csv").toString(), CsvOptions.parseDates("timestamp"))
                .withScheduler(pool.scheduler()).repartition(9);
        df = df.withOptions(df.options().withSplitEvery(splitEvery).withSplitOutGroups(splitOutGroups)
                .withShufflePartitions(4));
        try (Table t = df.groupBy("id", "name").agg(countStar().as("n"), sum("value").as("s")).compute()) {
            assertEquals(expected.size(), t.rowCount());
            for (int row = 0; row < t.rowCount(); row++) {
                long[] a = expected.get(t.get(row, "id") + "|" + t.get(row, "name"));
                assertEquals(a[0], t.get(row, "n"));
                assertClose(a[1] / 1e6, (Double) t.get(row, "s"), 1e-12, "sum");
            }
        }
    }
}
