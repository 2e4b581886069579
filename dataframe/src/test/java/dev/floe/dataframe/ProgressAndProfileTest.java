package dev.floe.dataframe;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.CsvOptions;
import dev.floe.scheduler.ProgressListener;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a query tells while it runs (progress) and after (profile, pictures). */
class ProgressAndProfileTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(3, 5_000, 2);

    @TempDir
    static Path dir;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        TimeseriesGenerator.write(dir.resolve("ts"), SPEC);
    }

    private static DataFrame hourly() {
        return Floe.readCsv(dir.resolve("ts/*.csv").toString(), CsvOptions.parseDates("timestamp").withBlockSize(30_000))
                .withScheduler(pool.scheduler()).groupBy(col("timestamp").dt().hour().as("hour"))
                .agg(mean("value").as("m"));
    }

    @Test
    void listenerSeesEveryTaskAndEveryRow() throws Exception {
        AtomicLong rows = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicInteger finished = new AtomicInteger();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(long rowsDelta, long bytesDelta) {
                rows.addAndGet(rowsDelta);
                bytes.addAndGet(bytesDelta);
            }

            @Override
            public void taskFinished(String key, String kind, long nanos) {
                finished.incrementAndGet();
            }
        };
        try (Table t = hourly().withProgress(listener).compute()) {
            assertEquals(SPEC.totalRows(), rows.get());
            assertEquals(t.metrics().bytesRead(), bytes.get());
            long fileBytes = 0;
            for (int f = 0; f < SPEC.files(); f++) {
                fileBytes += Files.size(dir.resolve("ts").resolve(TimeseriesGenerator.fileName(f)));
            }
            assertEquals(fileBytes, bytes.get());
            assertEquals(t.metrics().tasks(), finished.get());
            // rows in and out per kind of task: every row goes into a partial aggregate; finalize makes one per hour
            var kinds = t.metrics().profile().byKind();
            assertEquals(SPEC.totalRows(), kinds.get("chunk").rows());
            assertEquals(SPEC.totalRows(), kinds.get("chunk").rowsOut());
            assertEquals(t.rowCount(), kinds.get("finalize").rowsOut());
        }
    }

    @Test
    void explainAnalyzeShowsTheProfile() {
        String text = hourly().explainAnalyze();
        assertTrue(text.contains("== Profile =="), text);
        assertTrue(text.contains("chunk"), text);
        assertTrue(text.contains("finalize"), text);
        assertTrue(text.contains("rows out"), text);
        // the chunks pass every row on to their partial aggregates; finalize produces the 24 hours
        java.util.regex.Matcher chunk = java.util.regex.Pattern.compile("\\nchunk\\s.*").matcher(text);
        assertTrue(chunk.find(), text);
        assertTrue(text.contains(String.format("%,d rows", SPEC.totalRows())), text);
    }

    @Test
    void picturesOfThePlannedAndTheFinishedGraph() throws Exception {
        Path planned = dir.resolve("planned.html");
        hourly().visualize(planned);
        String html = Files.readString(planned);
        assertTrue(html.contains("<svg") && html.contains("chunk"), html.substring(0, Math.min(300, html.length())));
        Path dot = dir.resolve("run.dot");
        try (Table t = hourly().compute()) {
            t.visualize(dot);
        }
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph") && text.contains("finalize"), text);
    }
}
