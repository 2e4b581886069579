package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertClose;
import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.TaskFailedException;
import dev.floe.testdata.CsvFixtures;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many queries on one scheduler at once, from many threads — some succeed, some fail on bad data, some
 * are cancelled, one reads a file that vanished — and afterwards every answer was right, the pool is
 * idle and no Arrow memory is left.
 */
class SharedSchedulerTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(2, 6_000, 17);

    @TempDir
    static Path dir;
    private static double[] expected;

    @BeforeAll
    static void generate() {
        TimeseriesGenerator.write(dir.resolve("ts"), SPEC);
        expected = new TimeseriesOracle(SPEC).hourlyMeans(v -> true);
        StringBuilder bad = new StringBuilder("k,v\n");
        for (int i = 0; i < 5000; i++) {
            bad.append(i % 7).append(',').append(i == 4321 ? "x" : Integer.toString(i)).append('\n');
        }
        CsvFixtures.writeFile(dir.resolve("bad"), "bad.csv", bad.toString());
    }

    @AfterEach
    void noLeaks() {
        assertNoArrowMemory();
    }

    private static void checkHourly(Table t) {
        int row = 0;
        for (int h = 0; h < 24; h++) {
            if (!Double.isNaN(expected[h])) {
                assertEquals((long) h, t.get(row, 0));
                assertClose(expected[h], (Double) t.get(row, 1), 1e-12, "hour " + h);
                row++;
            }
        }
        assertEquals(row, t.rowCount());
    }

    @Test
    void fiftyConcurrentQueriesOfMixedFate() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (Scheduler pool = Scheduler.create(4)) {
                ExecutorService clients = Executors.newFixedThreadPool(8);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    int kind = i % 5;
                    long block = 8_000L + 3_000L * i;
                    outcomes.add(clients.submit(() -> runOne(pool, kind, block)));
                }
                for (int i = 0; i < outcomes.size(); i++) {
                    assertEquals(List.of("ok", "ok", "failed", "cancelled", "ok").get(i % 5), outcomes.get(i).get());
                }
                clients.shutdown();
                assertEquals(0, pool.activeComputations());
            }
        });
    }

    private static String runOne(Scheduler pool, int kind, long block) {
        CsvOptions options = CsvOptions.parseDates("timestamp").withBlockSize(block);
        DataFrame ts = Floe.readCsv(dir.resolve("ts/*.csv").toString(), options).withScheduler(pool);
        switch (kind) {
            case 0, 1 -> {
                try (Table t = ts.groupBy(col("timestamp").dt().hour().as("hour")).agg(mean("value")).sort("hour").compute()) {
                    checkHourly(t);
                }
                return "ok";
            }
            case 2 -> {
                DataFrame bad = Floe.readCsv(dir.resolve("bad/*.csv").toString(),
                        CsvOptions.defaults().withTypes(Map.of("v", FloeType.INT64)).withBlockSize(3000)).withScheduler(pool);
                TaskFailedException e = assertThrows(TaskFailedException.class, () -> bad.groupBy("k").agg(mean("v")).compute());
                assertTrue(e.getMessage().contains("'x'"), e.getMessage());
                return "failed";
            }
            case 3 -> {
                // a small query may end before the cancel reaches it (cancel() is then false): run it again
                for (int attempt = 0; attempt < 100; attempt++) {
                    QueryFuture<Table> f = ts.groupBy("name").agg(mean("x")).computeAsync();
                    if (!f.cancel()) {
                        f.get().close();
                        continue;
                    }
                    try {
                        f.get().close();
                        return "a cancelled query returned a result";
                    } catch (CancelledException e) {
                        return "cancelled";
                    }
                }
                return "finished before the cancel, 100 times";
            }
            default -> {
                assertEquals(SPEC.totalRows(), ts.count());
                return "ok";
            }
        }
    }

    @Test
    void aFileThatVanishesFailsItsQueryAndNamesIt() throws Exception {
        Path d = dir.resolve("vanish");
        TimeseriesGenerator.write(d, new TimeseriesGenerator.Spec(3, 2_000, 5));
        DataFrame df = Floe.readCsv(d.resolve("*.csv").toString(), CsvOptions.parseDates("timestamp"));
        df.schema(); // lists the files and reads their headers now
        Files.delete(d.resolve(TimeseriesGenerator.fileName(1)));
        RuntimeException e = assertThrows(RuntimeException.class, df::count);
        assertTrue(e.getMessage().contains("part-00001.csv"), e.getMessage());
        // the shared scheduler carries on
        assertEquals(6_000, Floe.readCsv(dir.resolve("ts/*.csv").toString()).limit(6_000).count());
    }
}
