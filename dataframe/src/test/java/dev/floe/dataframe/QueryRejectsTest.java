package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvFormatException;
import dev.floe.io.CsvOptions;
import dev.floe.io.Reject;
import dev.floe.io.RejectLog;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.CsvFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rejects of a query ({@code store_rejects}) reach {@link QueryMetrics#rejects()}, bounded, with an exact
 * count; a {@code max_rejects} fraction applies to the whole query. The oracle: the files are generated here,
 * so where each bad line is (line, byte offset, text) is known independently of the reader.
 */
class QueryRejectsTest {
    @TempDir
    Path dir;

    @AfterEach
    void noLeaks() {
        assertNoArrowMemory();
    }

    /** A generated file: its text, and the rejects a reader must report for it. */
    private record Generated(String text, List<Reject> rejects) {
    }

    /**
     * {@code rows} records {@code i,value,note}; every {@code badEvery}-th has value {@code "x<i>"} (not a
     * DOUBLE), and every 7th has a quoted note spanning two lines (so lines and records differ).
     */
    private static Generated generate(String path, int rows, int badEvery) {
        StringBuilder sb = new StringBuilder("id,value,note\n");
        List<Reject> rejects = new ArrayList<>();
        long line = 2;
        for (int i = 0; i < rows; i++) {
            long offset = sb.length(); // the text is ASCII: one byte per char
            boolean bad = badEvery > 0 && i % badEvery == badEvery - 1;
            String note = i % 7 == 3 ? "\"two\nlines\"" : "n" + i;
            String record = i + "," + (bad ? "x" + i : i + ".5") + "," + note;
            if (bad) {
                rejects.add(new Reject(path, line, offset, "value", record, null));
            }
            sb.append(record).append('\n');
            line += i % 7 == 3 ? 2 : 1;
        }
        return new Generated(sb.toString(), rejects);
    }

    private static List<Reject> withoutReasons(List<Reject> rejects) {
        return rejects.stream().map(r -> new Reject(r.file(), r.line(), r.byteOffset(), r.column(), r.rawText(), null))
                .toList();
    }

    private CsvOptions options(long blockSize) {
        return CsvOptions.defaults().withTypes(Map.of("value", FloeType.FLOAT64)).withIgnoreErrors(true)
                .withRejects(true).withBlockSize(blockSize);
    }

    @ParameterizedTest(name = "block {0}, threads {1}")
    @CsvSource({"64, 1", "200, 2", "1048576, 2"})
    void theRejectsOfAQueryAreInItsMetrics(long blockSize, int threads) {
        List<Reject> expected = new ArrayList<>();
        long good = 0;
        for (int f = 0; f < 3; f++) {
            String name = "part-" + f + ".csv";
            Generated g = generate("file:" + dir.resolve(name), 40 + 10 * f, 5 + f);
            CsvFixtures.writeFile(dir, name, g.text());
            expected.addAll(g.rejects());
            good += 40 + 10 * f - g.rejects().size();
        }
        try (Scheduler scheduler = Scheduler.create(threads);
                Table t = Floe.readCsv(dir.resolve("*.csv").toString(), options(blockSize)).withScheduler(scheduler)
                        .compute()) {
            assertEquals(good, t.rowCount());
            assertEquals(expected.size(), t.metrics().rowsRejected());
            List<Reject> rejects = t.metrics().rejects();
            assertEquals(expected, withoutReasons(rejects));
            for (Reject r : rejects) {
                assertTrue(r.reason().contains("cannot read '" + r.rawText().split(",")[1] + "' as DOUBLE"), r.reason());
                assertTrue(r.reason().contains("line " + r.line()), r.reason());
            }
        }
    }

    /** Which partitions' first attempt has failed (a static set: a BatchFunction travels as a serialisable value). */
    private static final java.util.Set<String> FAILED_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Regression: a task retried after a transient I/O error counted the rows, the rejects and the bytes of its
     * failed attempt as well, so rows + rejects exceeded the records and reject_errors listed bad rows twice.
     */
    @Test
    void aRetriedTaskCountsItsRowsAndRejectsOnce() {
        FAILED_ONCE.clear();
        Generated g = generate("file:" + dir.resolve("a.csv"), 180, 6);
        CsvFixtures.writeFile(dir, "a.csv", g.text());
        List<Reject> expected = g.rejects();
        DataFrame read = Floe.readCsv(dir.resolve("a.csv").toString(), options(1 << 20));
        DataFrame flaky = read.mapPartitions(read.schema(), (in, out) -> {
            // fails after the scan has read the whole split (one batch): the second attempt reads it again
            if (FAILED_ONCE.add("first attempt")) {
                throw new java.io.UncheckedIOException(new java.io.IOException("connection reset (injected)"));
            }
            for (int c = 0; c < in.getFieldVectors().size(); c++) {
                for (int r = 0; r < in.getRowCount(); r++) {
                    out.getVector(c).copyFromSafe(r, r, in.getVector(c));
                }
            }
            out.setRowCount(in.getRowCount());
        }).withOptions(read.options().withRetries(1));
        try (Table t = flaky.compute()) {
            assertEquals(1, FAILED_ONCE.size());   // the first attempt failed, and was retried
            assertEquals(180 - expected.size(), t.rowCount());
            assertEquals(180 - expected.size(), t.metrics().rowsRead());
            assertEquals(expected.size(), t.metrics().rowsRejected());
            assertEquals(expected, withoutReasons(t.metrics().rejects()));
        }
    }

    /** persist() and write() report their query's rejects too (SQL's CREATE TABLE ... AS and COPY use them). */
    @Test
    void persistAndWriteReportTheRejectsOfTheirQuery() {
        Generated g = generate("file:" + dir.resolve("a.csv"), 50, 10);
        CsvFixtures.writeFile(dir, "a.csv", g.text());
        DataFrame df = Floe.readCsv(dir.resolve("a.csv").toString(), options(100));
        try (PersistedFrame p = df.persist()) {
            assertEquals(45, p.rowCount());
            assertEquals(5, p.metrics().rowsRejected());
            assertEquals(g.rejects(), withoutReasons(p.metrics().rejects()));
        }
        Written w = df.write(dir.resolve("out").toString(), WriteFormat.CSV, dev.floe.io.write.CsvWriteOptions.defaults(),
                false);
        assertEquals(45, w.rows());
        assertEquals(5, w.metrics().rowsRejected());
        assertEquals(g.rejects(), withoutReasons(w.metrics().rejects()));
    }

    /**
     * Regression: one log for the whole query applied one read's budget to another read's rows. Each read
     * (each dataset) of a query has its own budget; the query's counts and kept rejects add them all up.
     */
    @Test
    void eachReadOfAQueryHasItsOwnBudget() {
        Generated messy = generate("file:" + dir.resolve("messy.csv"), 100, 2); // 50 bad, no budget asked
        Generated clean = generate("file:" + dir.resolve("clean.csv"), 100, 100); // 1 bad
        CsvFixtures.writeFile(dir, "messy.csv", messy.text());
        CsvFixtures.writeFile(dir, "clean.csv", clean.text());
        DataFrame noBudget = Floe.readCsv(dir.resolve("messy.csv").toString(), options(1 << 20));
        for (CsvOptions budget : List.of(options(1 << 20).withMaxRejects(5), options(1 << 20).withMaxRejectsFraction(0.1))) {
            DataFrame withBudget = Floe.readCsv(dir.resolve("clean.csv").toString(), budget);
            try (Table t = noBudget.unionAll(withBudget).compute()) {
                assertEquals(50 + 99, t.rowCount());
                assertEquals(51, t.metrics().rowsRejected());
                List<Reject> all = new ArrayList<>(clean.rejects());
                all.addAll(messy.rejects());
                assertEquals(all, withoutReasons(t.metrics().rejects()));
            }
            // and each budget still bounds its own read
            DataFrame overBudget = Floe.readCsv(dir.resolve("messy.csv").toString(), budget);
            RuntimeException e = assertThrows(RuntimeException.class, () -> overBudget.unionAll(withBudget).compute());
            assertTrue(find(e).getMessage().contains("messy.csv"), e.getMessage());
        }
    }

    /** Regression: head() reported no rows read and none rejected, so its skipped rows went unmentioned. */
    @Test
    void headCountsTheRowsItRejected() {
        Generated g = generate("file:" + dir.resolve("a.csv"), 20, 4); // rows 3, 7, 11, 15, 19 are bad
        CsvFixtures.writeFile(dir, "a.csv", g.text());
        try (Table t = Floe.readCsv(dir.resolve("a.csv").toString(), options(1 << 20)).head(10)) {
            assertEquals(10, t.rowCount());
            assertEquals(15, t.metrics().rowsRead()); // one batch: the whole file was read
            assertEquals(5, t.metrics().rowsRejected());
            assertEquals(g.rejects(), withoutReasons(t.metrics().rejects()));
        }
    }

    /** Whatever the plan does with the rows (join, aggregate, sort), a read over its fraction budget fails the query. */
    @Test
    void aReadOverItsFractionBudgetFailsEveryKindOfQuery() {
        Generated g = generate("file:" + dir.resolve("a.csv"), 200, 10); // 10% bad
        CsvFixtures.writeFile(dir, "a.csv", g.text());
        CsvFixtures.writeFile(dir, "b.csv", generate("file:" + dir.resolve("b.csv"), 50, 0).text());
        CsvOptions o = options(256).withRejects(false).withMaxRejectsFraction(0.05);
        DataFrame a = Floe.readCsv(dir.resolve("a.csv").toString(), o);
        DataFrame b = Floe.readCsv(dir.resolve("b.csv").toString(), options(256));
        List<java.util.function.Supplier<DataFrame>> queries = List.of(() -> a.join(b, "id"),
                () -> b.join(a, "id"), () -> a.groupBy(dev.floe.expressions.Expressions.col("note"))
                        .agg(dev.floe.expressions.Expressions.countStar().as("n")), () -> a.sort("value"));
        for (java.util.function.Supplier<DataFrame> q : queries) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> q.get().compute().close());
            assertTrue(find(e).getMessage().contains("more than max_rejects = 0.05 (5%)"), e.getMessage());
            assertThrows(RuntimeException.class, () -> q.get().count());
        }
    }

    @Test
    void withoutStoreRejectsOnlyTheCountIsKept() {
        Generated g = generate("file:" + dir.resolve("a.csv"), 50, 10);
        CsvFixtures.writeFile(dir, "a.csv", g.text());
        try (Table t = Floe.readCsv(dir.resolve("a.csv").toString(), options(100).withRejects(false)).compute()) {
            assertEquals(5, t.metrics().rowsRejected());
            assertEquals(List.of(), t.metrics().rejects());
        }
    }

    @Test
    void aQueryKeepsAtMostTenThousandRejectsAndCountsThemAll() {
        Generated g = generate("file:" + dir.resolve("many.csv"), 30_000, 1); // every row is bad
        CsvFixtures.writeFile(dir, "many.csv", g.text());
        try (Table t = Floe.readCsv(dir.resolve("many.csv").toString(), options(64 << 10)).compute()) {
            assertEquals(0, t.rowCount());
            assertEquals(30_000, t.metrics().rowsRejected());
            List<Reject> kept = t.metrics().rejects();
            assertEquals(RejectLog.DEFAULT_CAPACITY, kept.size());
            // whichever were kept, each is one of the file's bad rows exactly as the oracle knows it
            java.util.Set<Reject> all = new java.util.HashSet<>(g.rejects());
            for (Reject r : withoutReasons(kept)) {
                assertTrue(all.contains(r), r.toString());
            }
        }
    }

    /** Four files of 3,000 rows; {@code badInFirst} bad rows in the first, {@code badInOthers} in each other. */
    private void fourFiles(int badInFirst, int badInOthers) {
        for (int f = 0; f < 4; f++) {
            int bad = f == 0 ? badInFirst : badInOthers;
            Generated g = generate("file:" + dir.resolve("p" + f + ".csv"), 3000, bad == 0 ? 0 : 3000 / bad);
            CsvFixtures.writeFile(dir, "p" + f + ".csv", g.text());
        }
    }

    @Test
    void aFractionBudgetIsPerQueryNotPerSplit() {
        // 100 bad rows in the first file (3.3% of it, 0.83% of the query): under 1% of the query, so it passes,
        // although the first file's splits alone are over 1%
        fourFiles(100, 0);
        CsvOptions o = options(8 << 10).withRejects(false).withMaxRejectsFraction(0.01);
        try (Table t = Floe.readCsv(dir.resolve("p*.csv").toString(), o).compute()) {
            assertEquals(100, t.metrics().rowsRejected());
            assertEquals(11_900, t.rowCount());
        }
        // the first file alone is over budget
        RuntimeException alone = assertThrows(RuntimeException.class,
                () -> Floe.readCsv(dir.resolve("p0.csv").toString(), o).count());
        // at its end (100 of 3,000), or earlier once certain whatever its other splits hold: either way it fails
        String m = find(alone).getMessage();
        assertTrue((m.contains("100 of 3,000 rows rejected") || m.contains("rows rejected so far"))
                && m.contains("max_rejects = 0.01 (1%)") && m.contains("p0.csv"), m);
    }

    @Test
    void aQueryOverItsFractionBudgetFailsNamingCountsFractionAndOption() {
        fourFiles(40, 40); // 160 of 12,000 = 1.33%
        CsvOptions o = options(1 << 20).withRejects(false).withMaxRejectsFraction(0.01);
        DataFrame df = Floe.readCsv(dir.resolve("p*.csv").toString(), o);
        RuntimeException e = assertThrows(RuntimeException.class, df::compute);
        CsvFormatException cause = find(e);
        assertTrue(cause.getMessage().contains("160 of 12,000 rows rejected"), cause.getMessage());
        assertTrue(cause.getMessage().contains("max_rejects = 0.01 (1%)"), cause.getMessage());
        RuntimeException count = assertThrows(RuntimeException.class, df::count);
        assertTrue(find(count).getMessage().contains("160 of 12,000"), count.getMessage());
        // a stream of batches read to its end is a whole query too
        RuntimeException streamed = assertThrows(RuntimeException.class, () -> {
            try (BatchStream batches = df.toBatches()) {
                while (batches.next()) {
                    batches.batch().getRowCount();
                }
            }
        });
        assertTrue(find(streamed).getMessage().contains("160 of 12,000"), streamed.getMessage());
        try (Table t = Floe.readCsv(dir.resolve("p*.csv").toString(), o.withMaxRejectsFraction(0.02)).compute()) {
            assertEquals(160, t.metrics().rowsRejected());
        }
    }

    /** A write over its fraction budget fails before it publishes anything: no file looks like a whole output. */
    @ParameterizedTest(name = "single file {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aWriteOverItsFractionBudgetPublishesNothing(boolean singleFile) throws java.io.IOException {
        // 80 of 6,000 = 1.33%: fewer records than the running check waits for, so only the final totals fail it
        for (int f = 0; f < 2; f++) {
            CsvFixtures.writeFile(dir, "w" + f + ".csv", generate("file:" + dir.resolve("w" + f + ".csv"), 3000, 75).text());
        }
        CsvOptions o = options(1 << 20).withRejects(false).withMaxRejectsFraction(0.01);
        Path out = dir.resolve(singleFile ? "out.csv" : "out");
        DataFrame df = Floe.readCsv(dir.resolve("w*.csv").toString(), o);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> df.writeCsv(out.toString(), dev.floe.io.write.CsvWriteOptions.defaults(), singleFile));
        assertTrue(find(e).getMessage().contains("80 of 6,000 rows rejected"), e.getMessage());
        if (singleFile) {
            assertTrue(!java.nio.file.Files.exists(out), out + " was published");
        } else {
            List<String> visible = java.nio.file.Files.exists(out) ? listVisible(out) : List.of();
            assertEquals(List.of(), visible, "published despite the failed budget");
        }
        // within budget, the same write publishes every row
        long written = Floe.readCsv(dir.resolve("w*.csv").toString(), o.withMaxRejectsFraction(0.02))
                .writeCsv(out.toString(), dev.floe.io.write.CsvWriteOptions.defaults(), singleFile);
        assertEquals(6000 - 80, written);
    }

    private static List<String> listVisible(Path directory) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /**
     * Regression: the running check judged the records read so far, so a query whose bad rows come early failed
     * although its whole read is within budget, and whether it failed depended on the order the splits ran in.
     * It fails early only when no rows still to read could bring it within budget.
     */
    @ParameterizedTest(name = "threads {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2})
    void aQueryWithinItsFractionBudgetPassesWhateverTheOrderOfItsSplits(int threads) {
        // 111 bad rows in the first file (3.7% of it): 0.93% of the query's 12,000, within 1%
        fourFiles(110, 0);
        CsvOptions o = options(8 << 10).withRejects(false).withMaxRejectsFraction(0.01).withBatchRows(500);
        try (Scheduler scheduler = threads == 0 ? Scheduler.synchronous() : Scheduler.create(threads);
                Table t = Floe.readCsv(dir.resolve("p*.csv").toString(), o).withScheduler(scheduler).compute()) {
            assertEquals(111, t.metrics().rowsRejected());
            assertEquals(11_889, t.rowCount());
        }
    }

    /** A LIMIT stops reading early: the rows it did not read may all be good, so bad rows read first are no failure. */
    @Test
    void aLimitedQueryIsNotJudgedOnThePartOfItsInputItRead() {
        StringBuilder sb = new StringBuilder("id,value,note\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append(',').append(i < 10 ? "bad" : "1.5").append(",n\n"); // 1% bad, all at the start
        }
        CsvFixtures.writeFile(dir, "early.csv", sb.toString());
        CsvOptions o = options(1 << 20).withRejects(false).withMaxRejectsFraction(0.05).withBatchRows(100);
        DataFrame df = Floe.readCsv(dir.resolve("early.csv").toString(), o).withScheduler(Scheduler.synchronous());
        try (Table t = df.limit(5).compute()) {
            assertEquals(5, t.rowCount());
        }
        try (Table t = df.compute()) {
            assertEquals(990, t.rowCount());
        }
    }

    @Test
    void aFractionBudgetIsCheckedWhileTheQueryRuns() {
        Generated g = generate("file:" + dir.resolve("big.csv"), 100_000, 10); // 10% bad throughout
        CsvFixtures.writeFile(dir, "big.csv", g.text());
        CsvOptions o = options(64 << 10).withRejects(false).withMaxRejectsFraction(0.01).withBatchRows(1000);
        DataFrame df = Floe.readCsv(dir.resolve("big.csv").toString(), o).withScheduler(Scheduler.synchronous());
        CsvFormatException e = find(assertThrows(RuntimeException.class, df::compute));
        assertTrue(e.getMessage().contains("rows rejected so far"), e.getMessage());
        // it stopped before the end, as soon as no good rows still to read could bring it within budget
        long records = Long.parseLong(e.getMessage().replaceAll("^[0-9,]+ of ([0-9,]+) rows.*$", "$1").replace(",", ""));
        assertTrue(records < 100_000, e.getMessage());
        long left = Long.parseLong(e.getMessage().replaceAll("^.* the at most ([0-9,]+) rows still to read.*$", "$1")
                .replace(",", ""));
        assertTrue(records / 10 > 0.01 * (records + left), e.getMessage()); // certain: over budget with the rest good
    }

    private static CsvFormatException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CsvFormatException f) {
                return f;
            }
        }
        throw new AssertionError("no CsvFormatException in " + t, t);
    }
}
