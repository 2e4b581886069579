package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static dev.floe.expressions.Expressions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.Temporal;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** head() reads only the partitions it needs; toBatches() streams every row in order. */
class StreamingTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(4, 5_000, 8);

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

    private static DataFrame ts() {
        return Floe.readCsv(dir.resolve("*.csv").toString(), CsvOptions.parseDates("timestamp"))
                .withScheduler(pool.scheduler());
    }

    @Test
    void headReadsOnlyThePartitionsItNeeds() {
        try (Table t = ts().head(7)) {
            assertEquals(7, t.rowCount());
            assertEquals(1, t.metrics().partitions());
            for (int i = 0; i < 7; i++) {
                assertEquals(oracle.rows().get(i).epochSecond() * Temporal.MICROS_PER_SECOND, t.get(i, "timestamp"));
            }
        }
        // A filter that keeps few rows per file makes head() go on to the next partitions.
        List<TimeseriesOracle.Row> big = oracle.rows().stream().filter(r -> r.id() > 1080).toList();
        try (Table t = ts().filter(col("id").gt(1080)).head(big.size())) {
            assertEquals(big.size(), t.rowCount());
            assertEquals(SPEC.files(), t.metrics().partitions());
            for (int i = 0; i < big.size(); i++) {
                assertEquals((long) big.get(i).id(), t.get(i, "id"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void toBatchesStreamsEveryRowInOrder(int threads) {
        int row = 0;
        try (Scheduler s = Scheduler.create(threads); BatchStream stream = ts().withScheduler(s).select("id", "value").toBatches()) {
            while (stream.next()) {
                VectorSchemaRoot b = stream.batch();
                for (int i = 0; i < b.getRowCount(); i++, row++) {
                    TimeseriesOracle.Row r = oracle.rows().get(row);
                    assertEquals((long) r.id(), dev.floe.expressions.Values.get(b.getVector("id"), i));
                    assertEquals(r.value(), dev.floe.expressions.Values.get(b.getVector("value"), i));
                }
            }
        }
        assertEquals(oracle.rows().size(), row);
    }

    /**
     * Regression: a partition that fails while the next one, prefetched, has finished: closing the stream frees
     * the prefetched batches too (it looked them up under the failed partition's key and leaked them).
     */
    @Test
    void aStreamWhosePartitionFailsFreesThePrefetchedOne(@TempDir Path files) throws java.io.IOException {
        StringBuilder big = new StringBuilder("x\n");
        for (int i = 0; i < 200_000; i++) {
            big.append(i).append('\n');
        }
        big.append("oops\n"); // at the end, so that the small next file is read (prefetched) first
        java.nio.file.Files.writeString(files.resolve("a0.csv"), big);
        java.nio.file.Files.writeString(files.resolve("a1.csv"), "x\n1\n2\n");
        CsvOptions o = CsvOptions.defaults().withTypes(java.util.Map.of("x", dev.floe.expressions.FloeType.INT64));
        for (int attempt = 0; attempt < 3; attempt++) {
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> {
                try (BatchStream stream = Floe.readCsv(files.resolve("a*.csv").toString(), o)
                        .withScheduler(pool.scheduler()).toBatches()) {
                    while (stream.next()) {
                        stream.batch().getRowCount();
                    }
                }
            });
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("'oops'"), e.getMessage());
            for (Throwable suppressed : e.getSuppressed()) {
                throw new AssertionError("closing the stream failed", suppressed);
            }
            assertNoArrowMemory();
        }
    }

    @Test
    void closingAStreamEarlyFreesEverything() {
        try (BatchStream stream = ts().toBatches()) {
            stream.next();
        }
    }
}
