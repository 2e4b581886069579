package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertClose;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.count;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.max;
import static dev.floe.expressions.Expressions.mean;
import static dev.floe.expressions.Expressions.min;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.PlanException;
import dev.floe.expressions.Temporal;
import dev.floe.io.CsvOptions;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filters, projections, several aggregates, sorts and limits, each against a plain loop. */
class DataFrameOperationsTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(4, 12_000, 5);

    @TempDir
    static Path dir;
    private static String glob;
    private static TimeseriesOracle oracle;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        TimeseriesGenerator.write(dir, SPEC);
        glob = dir.resolve("*.csv").toString();
        oracle = new TimeseriesOracle(SPEC);
    }

    private static DataFrame frame(long blockSize, int splitEvery) {
        return Floe.readCsv(glob, CsvOptions.parseDates("timestamp").withBlockSize(blockSize))
                .splitEvery(splitEvery).withScheduler(pool.scheduler());
    }

    /** Per name, over rows with value > 0.25: count, sum(id), min(x), max(x), mean(x). */
    @ParameterizedTest(name = "block={0} splitEvery={1}")
    @CsvSource({"20000, 2", "100000, 4", "67108864, 8"})
    void filteredGroupByName(long blockSize, int splitEvery) {
        Map<String, double[]> expected = new TreeMap<>();
        for (TimeseriesOracle.Row r : oracle.rows()) {
            if (r.valueMicros() > 250_000) {
                double[] acc = expected.computeIfAbsent(r.name(),
                        k -> new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
                acc[0]++;
                acc[1] += r.id();
                acc[2] = Math.min(acc[2], r.x());
                acc[3] = Math.max(acc[3], r.x());
                acc[4] += r.xMicros();
            }
        }
        try (Table t = frame(blockSize, splitEvery)
                .filter(col("value").gt(0.25))
                .groupBy("name")
                .agg(countStar().as("n"), sum("id").as("sum_id"), min("x").as("min_x"), max("x").as("max_x"),
                        mean("x").as("mean_x"))
                .sort("name")
                .compute()) {
            assertEquals(expected.size(), t.rowCount());
            int row = 0;
            for (Map.Entry<String, double[]> e : expected.entrySet()) {
                double[] acc = e.getValue();
                assertEquals(e.getKey(), t.get(row, "name"));
                assertEquals((long) acc[0], t.get(row, "n"));
                assertEquals((long) acc[1], t.get(row, "sum_id"));
                assertEquals(acc[2], (Double) t.get(row, "min_x"));
                assertEquals(acc[3], (Double) t.get(row, "max_x"));
                assertClose(acc[4] / acc[0] / 1e6, (Double) t.get(row, "mean_x"), 1e-12, "mean x of " + e.getKey());
                row++;
            }
        }
    }

    @Test
    void wholeFrameReductionWithExpressionsOverAggregates() {
        long n = oracle.rows().size();
        long sumId = oracle.rows().stream().mapToLong(TimeseriesOracle.Row::id).sum();
        try (Table t = frame(30_000, 2).agg(countStar().as("n"), sum(col("id")).div(count("id")).as("avg_id"),
                max("timestamp").as("last")).compute()) {
            assertEquals(1, t.rowCount());
            assertEquals(n, t.get(0, "n"));
            assertClose((double) sumId / n, (Double) t.get(0, "avg_id"), 1e-12, "avg id");
            long lastSecond = TimeseriesGenerator.START_EPOCH_SECOND + SPEC.totalRows() - 1;
            assertEquals(lastSecond * Temporal.MICROS_PER_SECOND, t.get(0, "last"));
        }
    }

    @Test
    void selectWithColumnFilterCollect() {
        long expected = oracle.rows().stream().filter(r -> r.hour() == 3 && r.id() >= 1000).count();
        try (Table t = frame(25_000, 8)
                .withColumn("hour", col("timestamp").dt().hour())
                .filter(col("hour").eq(3).and(col("id").ge(1000)))
                .select(col("name"), col("id").add(1).as("id_plus_one"), col("hour"))
                .compute()) {
            assertEquals(expected, t.rowCount());
            assertEquals(java.util.List.of("name", "id_plus_one", "hour"), t.schema().names());
            for (int i = 0; i < t.rowCount(); i++) {
                assertEquals(3L, t.get(i, "hour"));
                assertTrue((Long) t.get(i, "id_plus_one") >= 1001);
            }
        }
    }

    @Test
    void countWithAndWithoutFilter() {
        assertEquals(SPEC.totalRows(), frame(17_000, 8).count());
        long positive = oracle.rows().stream().filter(r -> r.valueMicros() > 0).count();
        assertEquals(positive, frame(17_000, 8).filter(col("value").gt(0)).count());
    }

    @Test
    void sortDescendingAndLimit() {
        long[] ids = oracle.rows().stream().mapToLong(TimeseriesOracle.Row::id).sorted().toArray();
        try (Table t = frame(40_000, 8).select("id").sort(SortKey.desc("id")).limit(5).compute()) {
            assertEquals(5, t.rowCount());
            for (int i = 0; i < 5; i++) {
                assertEquals(ids[ids.length - 1 - i], t.get(i, "id"));
            }
        }
        try (Table t = frame(40_000, 8).head(7)) {
            assertEquals(7, t.rowCount());
            assertEquals(TimeseriesGenerator.START_EPOCH_SECOND * Temporal.MICROS_PER_SECOND, t.get(0, "timestamp"));
        }
    }

    @Test
    void explainShowsPlanAndGraph() {
        String text = frame(20_000, 2).groupBy(col("timestamp").dt().hour().as("hour"))
                .agg(mean("value").as("m")).explain();
        assertTrue(text.contains("Aggregate keys=[hour(timestamp) AS hour]"), text);
        assertTrue(text.contains("CsvScan"), text);
        assertTrue(text.contains("combine"), text);
        assertTrue(text.contains("[timestamp, value]"), text);
    }

    @Test
    void planErrorsNameTheColumn() {
        PlanException e = assertThrows(PlanException.class,
                () -> frame(1 << 20, 8).filter(col("vlaue").gt(0)).compute());
        assertTrue(e.getMessage().contains("did you mean 'value'"), e.getMessage());
        PlanException hourOfText = assertThrows(PlanException.class,
                () -> frame(1 << 20, 8).select(col("name").dt().hour()).compute());
        assertTrue(hourOfText.getMessage().contains("VARCHAR"), hourOfText.getMessage());
    }
}
