package dev.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.testdata.TimeseriesGenerator;
import dev.floe.testdata.TimeseriesGenerator.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the DuckDB JDBC driver (a native library inside the jar) loads on this machine and answers
 * the end-to-end query exactly like the generator's oracle. Not run by default:
 * {@code mvn -o -q -pl benchmarks test -Dgroups=manual}.
 */
@Tag("manual")
class DuckDbSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void duckDbAnswersTheHourlyMeanQuery() throws Exception {
        Spec spec = new Spec(3, 20_000, 42); // 60,000 seconds: every hour of the day, some twice
        Path dir = TimeseriesGenerator.ensureSample(tmp, spec);
        DuckDbQuery duck = new DuckDbQuery(dir.toAbsolutePath() + "/*.csv", 2);

        HourlyMeans answer = duck.run();

        assertEquals(0.0, answer.maxRelativeDifference(HourlyMeans.exact(spec)), EndToEnd.TOLERANCE, answer.toString());
    }
}
