package dev.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.testdata.TimeseriesGenerator;
import dev.floe.testdata.TimeseriesGenerator.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end benchmark's two engines on small data: the DuckDB JDBC driver (a native library inside
 * the jar) loads on this machine, and DuckDB and Floe both answer the benchmark query like the
 * generator's exact oracle — so a benchmark run compares two right answers.
 */
class EndToEndEnginesTest {
    @TempDir
    Path tmp;

    @Test
    void duckDbAnswersTheHourlyMeanQuery() throws Exception {
        Spec spec = new Spec(3, 30_000, 42); // 90,000 seconds: every hour of the day, one twice
        Path dir = TimeseriesGenerator.ensureSample(tmp, spec);
        DuckDbQuery duck = new DuckDbQuery(dir.toAbsolutePath() + "/*.csv", 2);

        HourlyMeans answer = duck.run();

        assertEquals(0.0, answer.maxRelativeDifference(HourlyMeans.exact(spec)), EndToEnd.TOLERANCE, answer.toString());
    }

    @Test
    void floeAnswersTheHourlyMeanQuery() throws Exception {
        Spec spec = new Spec(4, 25_000, 7); // 100,000 seconds: every hour
        Path dir = TimeseriesGenerator.ensureSample(tmp, spec);
        HourlyMeans answer = new FloeQuery(dir.toAbsolutePath() + "/*.csv").run();
        assertEquals(0.0, answer.maxRelativeDifference(HourlyMeans.exact(spec)), EndToEnd.TOLERANCE, answer.toString());
    }
}
