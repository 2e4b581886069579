package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertClose;
import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code df.groupby(df.timestamp.dt.hour).value.mean()} against a plain loop over the generated rows,
 * over shard counts, block sizes that split every file many times, {@code splitEvery} values and
 * schedulers.
 */
class CanonicalQueryTest {
    // 3 files x 30,000 rows: each file covers 8h20m, so hours straddle file and split boundaries.
    private static final TimeseriesGenerator.Spec THREE = new TimeseriesGenerator.Spec(3, 30_000, 7);
    private static final TimeseriesGenerator.Spec ONE = new TimeseriesGenerator.Spec(1, 90_000, 11);
    private static final TimeseriesGenerator.Spec SEVEN = new TimeseriesGenerator.Spec(7, 5_000, 3);

    @TempDir
    static Path dir;
    private static Scheduler twoThreads;

    @BeforeAll
    static void generate() {
        for (TimeseriesGenerator.Spec s : List.of(THREE, ONE, SEVEN)) {
            TimeseriesGenerator.write(dir.resolve(s.directoryName()), s);
        }
        twoThreads = Scheduler.create(2);
    }

    @AfterAll
    static void stop() {
        twoThreads.close();
    }

    @AfterEach
    void noLeaks() {
        assertNoArrowMemory();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (TimeseriesGenerator.Spec spec : List.of(THREE, ONE, SEVEN)) {
            for (long block : new long[] {64 << 10, 300 << 10, CsvOptions.DEFAULT_BLOCK_SIZE}) {
                for (int splitEvery : new int[] {2, 3, 8}) {
                    cases.add(Arguments.of(spec, block, splitEvery, splitEvery == 3 ? "sync" : "pool"));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2} {3}")
    @MethodSource("cases")
    void hourlyMeanMatchesOracle(TimeseriesGenerator.Spec spec, long blockSize, int splitEvery, String scheduler) {
        String glob = dir.resolve(spec.directoryName()).resolve("*.csv").toString();
        DataFrame df = Floe.readCsv(glob, CsvOptions.parseDates("timestamp").withBlockSize(blockSize))
                .splitEvery(splitEvery)
                .withScheduler(scheduler.equals("sync") ? Scheduler.synchronous() : twoThreads);
        double[] expected = new TimeseriesOracle(spec).hourlyMeans(v -> true);
        try (Table t = df.groupBy(col("timestamp").dt().hour().as("hour"))
                .agg(mean(col("value")).as("mean_value"))
                .sort("hour")
                .compute()) {
            assertEquals(List.of("hour", "mean_value"), t.schema().names());
            assertEquals(FloeType.INT64, t.schema().field(0).type());
            assertEquals(FloeType.FLOAT64, t.schema().field(1).type());
            int row = 0;
            for (int h = 0; h < 24; h++) {
                if (Double.isNaN(expected[h])) {
                    continue; // no row has this hour: no group
                }
                assertEquals((long) h, t.get(row, 0));
                assertClose(expected[h], (Double) t.get(row, 1), 1e-12, "mean of hour " + h);
                row++;
            }
            assertEquals(row, t.rowCount());
            assertEquals(spec.totalRows(), t.metrics().rowsRead());
        }
    }
}
