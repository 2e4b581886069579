package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quoted fields with line breaks (LF, CRLF, CR), doubled quotes, delimiters, long fields, mixed line ends:
 * every block size and thread count reads exactly the records of one serial RFC 4180 parse
 * ({@link SerialCsv}), in order.
 */
class QuotedSplitInvarianceTest {
    @TempDir
    static Path dir;
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** A hostile file: roughly one field in three quoted, many with line breaks and quotes inside. */
    static String generate(long seed, int rows, char escape) {
        Random random = new Random(seed);
        String[] ends = {"\n", "\r\n", "\r"};
        StringBuilder sb = new StringBuilder("a,b,c,d").append(ends[random.nextInt(3)]);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 4; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(field(random, escape));
            }
            sb.append(ends[random.nextInt(3)]);
            if (random.nextInt(30) == 0) {
                sb.append(ends[random.nextInt(3)]); // an empty line
            }
        }
        return sb.toString();
    }

    private static String field(Random random, char escape) {
        switch (random.nextInt(9)) {
            case 0:
                return "";
            case 1:
                return "\"\"";
            case 2: case 3: {
                StringBuilder s = new StringBuilder("\"");
                int n = 1 + random.nextInt(12);
                for (int i = 0; i < n; i++) {
                    String[] pieces = {"x", ",", "\n", "\r\n", "\r", "q", " ", "\"", "y,\n", "\"\n\""};
                    String p = pieces[random.nextInt(pieces.length)];
                    s.append(escape == '"' ? p.replace("\"", "\"\"") : p.replace("\"", "\\\""));
                }
                return s.append('"').toString();
            }
            case 4: {
                String long_ = "L".repeat(200 + random.nextInt(3000));
                return random.nextBoolean() ? long_ : "\"" + long_ + "\n" + long_ + "\"";
            }
            default:
                return Integer.toString(random.nextInt(100000)) + (random.nextBoolean() ? "z" : "");
        }
    }

    static java.util.stream.Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (long block : new long[] {1, 7, 30, 1000, 1L << 40}) {
            for (int threads : new int[] {1, 2}) {
                cases.add(Arguments.of(block, threads, CsvOptions.DEFAULT_MAX_LINE_SIZE, '"'));
            }
        }
        // a small max_line_size exercises the "no quote within max_line_size before the split" short cut
        cases.add(Arguments.of(30L, 2, 16_000, '"'));
        cases.add(Arguments.of(1000L, 2, 16_000, '"'));
        // a backslash escape
        cases.add(Arguments.of(7L, 2, CsvOptions.DEFAULT_MAX_LINE_SIZE, '\\'));
        cases.add(Arguments.of(1000L, 1, CsvOptions.DEFAULT_MAX_LINE_SIZE, '\\'));
        return cases.stream();
    }

    @ParameterizedTest(name = "block {0}, threads {1}, max line {2}, escape {3}")
    @MethodSource("cases")
    void everySplittingReadsTheSerialRecords(long block, int threads, int maxLine, char escape) throws Exception {
        int rows = block == 1 ? 40 : block == 7 ? 150 : 600;
        String text = generate(17 + escape, rows, escape);
        Path file = TestTables.write(dir, "q-" + block + "-" + threads + "-" + maxLine + "-" + (int) escape + ".csv", text);
        List<List<String>> serial = SerialCsv.parse(text, ',', '"', escape);
        List<List<String>> expected = serial.subList(1, serial.size());
        assertEquals(rows, expected.size(), "the oracle's record count");

        Map<String, FloeType> text4 = new LinkedHashMap<>();
        for (String c : List.of("a", "b", "c", "d")) {
            text4.put(c, FloeType.STRING);
        }
        CsvOptions options = CsvOptions.defaults().withTypes(text4).withBlockSize(block).withMaxLineSize(maxLine)
                .withEscape(escape);
        CsvDataset dataset = CsvDataset.open(file.toString(), options);
        if (block < text.length()) {
            assertTrue(dataset.splits().size() > 1);
        }
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> actual = read(dataset, allocator, threads);
            assertEquals(expected.size(), actual.size(), "records");
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), "record " + i);
            }
        }
    }

    /** The worked example in CsvScanner's javadoc, split by split. */
    @org.junit.jupiter.api.Test
    void theJavadocExample() throws Exception {
        Path file = TestTables.write(dir, "doc.csv", "a,b\n1,\"x\ny\"\n2,z\n");
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withBlockSize(8));
        assertEquals(2, dataset.splits().size());
        try (RootAllocator allocator = new RootAllocator()) {
            for (int i = 0; i < 2; i++) {
                try (CsvBatchReader reader = dataset.openSplit(dataset.splits().get(i), allocator, null)) {
                    assertTrue(reader.next());
                    assertEquals(List.of(i == 0 ? List.of(1L, "x\ny") : List.of(2L, "z")), TestTables.rows(reader.batch()));
                    assertEquals(false, reader.next());
                }
            }
        }
    }

    /** Reads every split (on {@code threads} threads at once), concatenated in split order. */
    static List<List<Object>> read(CsvDataset dataset, BufferAllocator allocator, int threads) throws Exception {
        return threads == 1 ? TestTables.readAll(dataset, allocator) : TestTables.readParallel(dataset, allocator, pool);
    }
}
