package dev.floe.dataframe;

import static dev.floe.expressions.Expressions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.io.write.CsvWriteOptions;
import dev.floe.testdata.CsvFixtures;
import dev.floe.testdata.TimeseriesGenerator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Writing frames: CSV parts, one CSV file, Arrow IPC; read back equal; a failed write leaves nothing. */
class WriteTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(3, 3_000, 12);

    @TempDir
    static Path dir;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        TimeseriesGenerator.write(dir.resolve("in"), SPEC);
    }

    private static DataFrame ts() {
        return Floe.readCsv(dir.resolve("in/*.csv").toString(), CsvOptions.parseDates("timestamp").withBlockSize(40_000))
                .withScheduler(pool.scheduler());
    }

    @Test
    void csvPartsRoundTrip() throws IOException {
        DataFrame filtered = ts().filter(col("value").gt(0));
        Path out = dir.resolve("parts");
        long written = filtered.writeCsv(out.toString());
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("_SUCCESS"), names.toString());
            assertEquals(filtered.npartitions() + 1, names.size(), names.toString());
        }
        DataFrame back = Floe.readCsv(out.resolve("part-*.csv").toString(), CsvOptions.parseDates("timestamp"));
        try (Table a = filtered.compute(); Table b = back.compute()) {
            assertEquals(written, a.rowCount());
            assertEquals(Rows.of(a), Rows.of(b));
        }
    }

    @Test
    void singleCsvAndArrowFiles() throws IOException {
        Path csv = dir.resolve("one.csv");
        Path arrow = dir.resolve("one.arrow");
        DataFrame df = ts().select("timestamp", "name", "value");
        assertEquals(SPEC.totalRows(), df.writeCsv(csv.toString(), CsvWriteOptions.defaults(), true));
        assertEquals(SPEC.totalRows(), df.writeArrow(arrow.toString(), true));
        try (Table a = df.compute(); Table b = Floe.readCsv(csv.toString(), CsvOptions.parseDates("timestamp")).compute()) {
            assertEquals(Rows.of(a), Rows.of(b));
        }
        try (BufferAllocator allocator = Floe.rootAllocator().newChildAllocator("read", 0, Long.MAX_VALUE);
                FileChannel channel = FileChannel.open(arrow, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            assertEquals(SPEC.totalRows(), rows);
        }
    }

    @Test
    void aFailedWriteLeavesNoVisibleFile() throws IOException {
        StringBuilder bad = new StringBuilder("k,v\n");
        for (int i = 0; i < 3000; i++) {
            bad.append(i).append(',').append(i == 2500 ? "oops" : Integer.toString(i)).append('\n');
        }
        CsvFixtures.writeFile(dir.resolve("bad"), "bad.csv", bad.toString());
        DataFrame df = Floe.readCsv(dir.resolve("bad/*.csv").toString(),
                CsvOptions.defaults().withTypes(Map.of("v", FloeType.INT64)).withBlockSize(2000))
                .withScheduler(pool.scheduler());
        Path out = dir.resolve("failed");
        assertThrows(RuntimeException.class, () -> df.writeCsv(out.toString()));
        try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
        }
        // the directory the write created goes too (a task still running when the query failed may take a
        // moment to notice and remove what it made)
        assertTrue(eventually(() -> Files.notExists(out)), out + " was left behind by a failed write");
        assertThrows(RuntimeException.class, () -> df.writeCsv(dir.resolve("f.csv").toString(), CsvWriteOptions.defaults(), true));
        assertTrue(Files.notExists(dir.resolve("f.csv")));
        Path nested = dir.resolve("new/deeper/f.csv");
        assertThrows(RuntimeException.class, () -> df.writeCsv(nested.toString(), CsvWriteOptions.defaults(), true));
        assertTrue(Files.notExists(dir.resolve("new")), "a failed single-file write removes the directories it made");
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
