package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ignore_errors, the rejects list, the max_rejects budget, null_padding, and row conservation. */
class RejectsTest {
    @TempDir
    Path dir;

    /** Rows and rejects of every split, read with ignore_errors and rejects kept. */
    record Outcome(List<List<Object>> rows, long rejected, List<Reject> rejects) {
    }

    static Outcome readAll(CsvDataset dataset) {
        return readAll(dataset, null);
    }

    private static Outcome readAll(CsvDataset dataset, RejectLog shared) {
        List<List<Object>> rows = new ArrayList<>();
        long rejected = 0;
        List<Reject> rejects = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            for (FileSplit split : dataset.splits()) {
                try (CsvBatchReader reader = dataset.openSplit(split, allocator, null)) {
                    if (shared != null) {
                        reader.shareRejects(shared);
                    }
                    while (reader.next()) {
                        rows.addAll(TestTables.rows(reader.batch()));
                    }
                    rejected += reader.rowsRejected();
                    if (shared == null) {
                        rejects.addAll(reader.rejects());
                    }
                }
            }
        }
        if (shared != null) {
            shared.checkFraction(true);
            rejects.addAll(shared.rejects());
        }
        return new Outcome(rows, rejected, rejects);
    }

    @Test
    void badRowsAreSkippedCountedAndKept() throws IOException {
        Path f = TestTables.write(dir, "a.csv", "id,v,t\n1,1.5,a\n2,oops,b\n3,2.5\n4,3.5,c,extra\n5,\"x\",d\n6,4.5,\"multi\nline\"\n7,x7,e\n");
        CsvOptions o = CsvOptions.defaults().withTypes(Map.of("v", FloeType.FLOAT64)).withIgnoreErrors(true).withRejects(true);
        for (long block : new long[] {1, 9, 1 << 20}) {
            Outcome out = readAll(CsvDataset.open(f.toString(), o.withBlockSize(block)));
            assertEquals(List.of(List.of(1L, 1.5, "a"), List.of(6L, 4.5, "multi\nline")), out.rows, "block " + block);
            assertEquals(5, out.rejected);
            List<Reject> r = out.rejects;
            assertEquals(5, r.size());
            assertEquals(new Reject("file:" + f, 3, 15, "v", "2,oops,b", r.get(0).reason()), r.get(0));
            assertTrue(r.get(0).reason().contains("cannot read 'oops' as DOUBLE"), r.get(0).reason());
            // line 9: the record before it spans lines 7 and 8
            assertEquals(List.of(4L, 5L, 6L, 9L), r.subList(1, 5).stream().map(Reject::line).toList());
            assertEquals("t", r.get(1).column()); // too few fields: the first missing column
            assertEquals(null, r.get(2).column()); // too many fields: the row as a whole
            assertEquals("4,3.5,c,extra", r.get(2).rawText());
            assertEquals("7,x7,e", r.get(4).rawText());
        }
    }

    @Test
    void theBudgetAbortsPastMaxRejects() throws IOException {
        StringBuilder sb = new StringBuilder("id\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i % 10 == 0 ? "x" + i : Integer.toString(i)).append('\n');
        }
        Path f = TestTables.write(dir, "a.csv", sb.toString());
        CsvOptions o = CsvOptions.defaults().withTypes(Map.of("id", FloeType.INT64)).withIgnoreErrors(true);
        assertEquals(10, readAll(CsvDataset.open(f.toString(), o.withMaxRejects(10))).rejected);
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> readAll(CsvDataset.open(f.toString(), o.withMaxRejects(9))));
        assertTrue(e.getMessage().contains("more than max_rejects = 9"), e.getMessage());
        assertEquals(92, e.line()); // the tenth bad row, x90, is on line 92
        // per split, a budget of 9 passes when no split has 10; a counter shared by the splits bounds the sum
        CsvOptions small = o.withMaxRejects(9).withBlockSize(100);
        assertEquals(10, readAll(CsvDataset.open(f.toString(), small)).rejected);
        RejectLog shared = new RejectLog();
        CsvFormatException sum = assertThrows(CsvFormatException.class,
                () -> readAll(CsvDataset.open(f.toString(), small), shared));
        assertEquals(92, sum.line());
        assertEquals(10, shared.rejected());
        assertEquals(10, readAll(CsvDataset.open(f.toString(), o.withMaxRejectsFraction(0.1))).rejected);
        CsvFormatException fraction = assertThrows(CsvFormatException.class,
                () -> readAll(CsvDataset.open(f.toString(), o.withMaxRejectsFraction(0.05))));
        assertTrue(fraction.getMessage().contains("10 of 100 rows rejected"), fraction.getMessage());
    }

    @Test
    void nullPaddingFillsShortRowsButNeverDropsExtraFields() throws IOException {
        Path f = TestTables.write(dir, "a.csv", "a,b,c\n1,2,3\n4,5\n6\n");
        assertEquals(List.of(List.of(1L, 2L, 3L), Arrays.asList(4L, 5L, null), Arrays.asList(6L, null, null)),
                readAll(CsvDataset.open(f.toString(), CsvOptions.defaults().withNullPadding(true))).rows);
        Path g = TestTables.write(dir, "b.csv", "a,b\n1,2\n3,4,5\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> readAll(CsvDataset.open(g.toString(), CsvOptions.defaults().withNullPadding(true))));
        assertEquals(3, e.line());
    }

    /** Rows returned + rows rejected = records counted by a simple independent counter, for every block size. */
    @ParameterizedTest(name = "block {0}")
    @ValueSource(longs = {7, 100, 1 << 20})
    void rowConservation(long block) throws IOException {
        Random random = new Random(block);
        StringBuilder sb = new StringBuilder("id,v,note\n");
        int good = 0;
        int records = 0;
        for (int i = 0; i < 3000; i++) {
            records++;
            switch (random.nextInt(8)) {
                case 0: sb.append(i).append(",bad,\"n\"\n"); break;
                case 1: sb.append(i).append(",1.5\n"); break;
                case 2: sb.append(i).append(",1.5,x,y\n"); break;
                case 3: sb.append(i).append(",2.5,\"line\nbreak, \"\"q\"\"\"\n"); good++; break;
                default: sb.append(i).append(',').append(random.nextInt(100)).append(".25,plain\n"); good++; break;
            }
        }
        Path f = TestTables.write(dir, "c.csv", sb.toString());
        CsvOptions o = CsvOptions.defaults().withTypes(Map.of("v", FloeType.FLOAT64)).withIgnoreErrors(true).withBlockSize(block);
        Outcome out = readAll(CsvDataset.open(f.toString(), o));
        assertEquals(good, out.rows.size());
        assertEquals(records, out.rows.size() + out.rejected);
        assertEquals(records, SerialCsv.parse(sb.toString(), ',', '"', '"').size() - 1); // the oracle agrees on records
    }
}
