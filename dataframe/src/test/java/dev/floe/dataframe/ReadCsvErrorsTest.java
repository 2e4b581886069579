package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvFormatException;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.TaskFailedException;
import dev.floe.testdata.CsvFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails with a message that says where and what, and leaks no memory. */
class ReadCsvErrorsTest {
    @TempDir
    Path dir;

    @AfterEach
    void noLeaks() {
        assertNoArrowMemory();
    }

    @Test
    void readingIsLazy() throws Exception {
        // readCsv reads nothing: a glob that matches nothing yet is no error until the frame is used ...
        DataFrame early = Floe.readCsv(dir.resolve("*.csv").toString());
        CsvFixtures.writeFile(dir, "a.csv", "k,v\n1,2\n");
        // ... and the file written afterwards is what its first operation lists and infers (as Dask's
        // read_csv reads a sample), so that operation is type-checked at once.
        DataFrame filtered = early.filter(col("v").gt(1));
        assertEquals(java.util.List.of("k", "v"), filtered.columns());
        assertEquals("BIGINT", filtered.schema().field(1).type().sqlName());
        // a glob matching nothing fails at the first operation, naming the glob, before any action
        DataFrame none = Floe.readCsv(dir.resolve("none-*.csv").toString());
        RuntimeException e = assertThrows(RuntimeException.class, () -> none.filter(col("v").gt(1)));
        assertTrue(e.getMessage().contains("no files match") && e.getMessage().contains("none-*.csv"), e.getMessage());
        // once listed, the frame keeps its files: deleting one afterwards fails the action, naming the file
        Files.delete(dir.resolve("a.csv"));
        RuntimeException gone = assertThrows(RuntimeException.class, filtered::compute);
        assertTrue(String.valueOf(gone.getMessage()).contains("a.csv")
                || String.valueOf(gone.getCause()).contains("a.csv"), String.valueOf(gone));
    }

    @Test
    void globMatchingNothing() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> Floe.readCsv(dir.resolve("nothing-*.csv").toString()).count());
        assertTrue(e.getMessage().contains("nothing-*.csv"), e.getMessage());
    }

    @Test
    void badNumberNamesFileLineColumnAndText() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 2000; i++) {
            csv.append("2000-01-01 00:00:").append(String.format("%02d", i % 60)).append(',').append(i % 7).append('\n');
        }
        csv.append("2000-01-01 01:00:00,abc\n");
        CsvFixtures.writeFile(dir, "bad.csv", csv.toString());
        DataFrame df = Floe.readCsv(dir.resolve("*.csv").toString(),
                        CsvOptions.parseDates("timestamp").withTypes(Map.of("value", FloeType.FLOAT64)).withBlockSize(4096))
                .withScheduler(Scheduler.synchronous());
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> df.groupBy(col("timestamp").dt().hour()).agg(mean("value")).compute());
        CsvFormatException cause = (CsvFormatException) e.getCause();
        assertTrue(cause.file().endsWith("bad.csv"), cause.file());
        assertEquals(2002, cause.line());
        assertEquals("value", cause.column());
        assertEquals("abc", cause.text());
        String at = String.format(java.util.Locale.ROOT, "line 2002 (byte %,d), column 'value'",
                csv.indexOf("2000-01-01 01:00:00,abc")); // the record's offset, found independently
        assertTrue(cause.getMessage().contains(at), cause.getMessage());
        assertTrue(cause.getMessage().contains("; record: 2000-01-01 01:00:00,abc; declare"), cause.getMessage());
        assertTrue(cause.getMessage().contains("'abc'"), cause.getMessage());
    }

    @Test
    void ignoredBadRowsAreCountedAndCountAgreesWithARead() {
        CsvFixtures.writeFile(dir, "r.csv", "k,v\n1,10\n2,oops\n3,30\n4,\n");
        DataFrame df = Floe.readCsv(dir.resolve("r.csv").toString(),
                CsvOptions.fromMap(Map.of("types", Map.of("v", "BIGINT"), "ignore_errors", true)));
        try (Table t = df.compute()) {
            assertEquals(3, t.rowCount());
            assertEquals(1, t.metrics().rowsRejected());
            assertEquals(4, t.metrics().rowsRead() + t.metrics().rowsRejected());
        }
        assertEquals(3, df.count());
    }
}
