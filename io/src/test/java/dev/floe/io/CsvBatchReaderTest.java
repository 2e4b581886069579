package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvBatchReaderTest {
    @TempDir
    static Path shared;
    static GeneratedCsv generated;
    static Path file;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws IOException {
        generated = GeneratedCsv.generate(1000, 11, "\n");
        file = generated.writeTo(shared.resolve("g.csv"));
    }

    private static List<List<Object>> readWithBuffer(CsvDataset dataset, int maxBuffer, RootAllocator allocator) {
        List<List<Object>> rows = new ArrayList<>();
        for (FileSplit split : dataset.splits()) {
            try (CsvBatchReader reader = dataset.openSplit(split, allocator, null, maxBuffer)) {
                while (reader.next()) {
                    rows.addAll(TestTables.rows(reader.batch()));
                }
            }
        }
        return rows;
    }

    /** Buffers smaller than a record make every record restart at least once. */
    @ParameterizedTest(name = "buffer {0} bytes")
    @ValueSource(ints = {1, 3, 16, 100, 4096})
    void tinyBuffersReadTheSameRows(int maxBuffer) {
        for (long blockSize : new long[] {1 << 30, 333}) {
            CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withBlockSize(blockSize));
            try (RootAllocator allocator = new RootAllocator()) {
                assertEquals(generated.rows, readWithBuffer(dataset, maxBuffer, allocator), "block size " + blockSize);
            }
        }
    }

    @ParameterizedTest(name = "buffer {0} bytes")
    @ValueSource(ints = {1, 2, 5, 1000})
    void quotedLineBreaksWithTinyBuffers(int maxBuffer) throws IOException {
        Path f = TestTables.write(dir, "q.csv", "a,b\r\n\"x\r\ny\",\"\"\"\"\r\n\"\",\"p,\"\"q\"\"\n\"\r\n");
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults());
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(List.of(List.of("x\r\ny", "\""), List.of("", "p,\"q\"\n")), readWithBuffer(dataset, maxBuffer, allocator));
        }
    }

    @Test
    void projectionReturnsTheChosenColumnsInOrder() {
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withBlockSize(5000));
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(dataset, allocator, new int[] {3, 0});
            assertEquals(generated.rows.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(Arrays.asList(generated.rows.get(i).get(3), generated.rows.get(i).get(0)), rows.get(i));
            }
            try (CsvBatchReader reader = dataset.openSplit(dataset.splits().get(0), allocator, new int[] {3, 0})) {
                assertTrue(reader.next());
                assertEquals(List.of("value", "timestamp"), reader.batch().getSchema().getFields().stream().map(f -> f.getName()).toList());
            }
        }
    }

    @Test
    void noColumnsCountsRows() {
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withBlockSize(777));
        try (RootAllocator allocator = new RootAllocator()) {
            long rows = 0;
            long bytes = 0;
            for (FileSplit split : dataset.splits()) {
                try (CsvBatchReader reader = dataset.openSplit(split, allocator, new int[0])) {
                    while (reader.next()) {
                        assertEquals(0, reader.batch().getFieldVectors().size());
                        rows += reader.batch().getRowCount();
                    }
                    assertEquals(reader.rowsRead(), rowsOf(dataset, split, allocator));
                    bytes += reader.bytesRead();
                }
            }
            assertEquals(generated.rows.size(), rows);
            assertEquals(fileSize(), bytes);
        }
    }

    private static long fileSize() {
        try {
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long rowsOf(CsvDataset dataset, FileSplit split, RootAllocator allocator) {
        try (CsvBatchReader reader = dataset.openSplit(split, allocator, null)) {
            long n = 0;
            while (reader.next()) {
                n += reader.batch().getRowCount();
            }
            return n;
        }
    }

    @Test
    void batchesHoldAtMostBatchRowsAndTheRootIsReused() {
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withBatchRows(300));
        try (RootAllocator allocator = new RootAllocator();
                CsvBatchReader reader = dataset.openSplit(dataset.splits().get(0), allocator, null)) {
            List<Integer> sizes = new ArrayList<>();
            var root = reader.batch();
            while (reader.next()) {
                assertTrue(reader.batch() == root);
                sizes.add(reader.batch().getRowCount());
            }
            assertEquals(List.of(300, 300, 300, 100), sizes);
            assertEquals(1000, reader.rowsRead());
            assertEquals(fileSize(), reader.bytesRead());
            assertEquals(false, reader.next());
        }
    }

    @Test
    void anErrorMidReadLeaksNothing() throws IOException {
        StringBuilder sb = new StringBuilder("id,s\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i).append(",text ").append(i).append('\n');
        }
        sb.append("oops,x\n");
        Path f = TestTables.write(dir, "e.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults().withBatchRows(1000)
                .withTypes(Map.of("id", FloeType.INT64)));
        RootAllocator allocator = new RootAllocator();
        assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
        allocator.close(); // throws if the failed reader leaked a buffer
    }

    @Test
    void theDatasetSurvivesSerialization() throws Exception {
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.parseDates("timestamp").withBlockSize(10_000));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(dataset);
        }
        CsvDataset copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CsvDataset) in.readObject();
        }
        assertEquals(dataset.schema(), copy.schema());
        assertEquals(dataset.splits(), copy.splits());
        assertEquals(dataset.options(), copy.options());
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(generated.rows, TestTables.readAll(copy, allocator));
        }
    }

    @Test
    void dialectDetails() throws IOException {
        // BOM, tab delimiter, blank lines, quoted numbers, quoted empty (NULL for numbers, "" for text), no final LF
        Path f = TestTables.write(dir, "t.tsv", "\uFEFFa\tb\tc\n\n1\t\"2.5\"\tx\n\r\n\"\"\t\t\"\"\n3\t4\t");
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults().withDelimiter('\t'));
        assertEquals(List.of(FloeType.INT64, FloeType.FLOAT64, FloeType.STRING),
                dataset.schema().fields().stream().map(x -> x.type()).toList());
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(List.of(Arrays.asList(1L, 2.5, "x"), Arrays.asList(null, null, ""), Arrays.asList(3L, 4.0, null)),
                    TestTables.readAll(dataset, allocator));
        }
    }

    @Test
    void emptyFilesHaveNoSplits() throws IOException {
        TestTables.write(dir, "a.csv", "x\n1\n");
        TestTables.write(dir, "b.csv", "");
        TestTables.write(dir, "c.csv", "x\n");
        CsvDataset dataset = CsvDataset.open(dir + "/*.csv", CsvOptions.defaults());
        assertEquals(3, dataset.files().size());
        assertEquals(2, dataset.splits().size());
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(List.of(List.of(1L)), TestTables.readAll(dataset, allocator));
        }
    }

    /** The reader's fused number path and its general path agree with Long.parseLong / Double.parseDouble. */
    @Test
    void numbersMatchTheJdkBitForBit() throws IOException {
        java.util.Random random = new java.util.Random(9);
        StringBuilder sb = new StringBuilder("i,d\n");
        List<List<Object>> expected = new ArrayList<>();
        for (int r = 0; r < 50_000; r++) {
            long i = random.nextLong() >> random.nextInt(64);
            String d;
            switch (r % 5) {
                case 0: d = String.format("%.6f", random.nextDouble() * 2 - 1); break;
                case 1: d = Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15)); break;
                case 2: d = Long.toString(random.nextLong() >> random.nextInt(64)); break;
                case 3: d = "-" + random.nextInt(1000) + "." + String.format("%019d", random.nextLong() & Long.MAX_VALUE).substring(0, 1 + random.nextInt(18)); break;
                default: d = random.nextInt(100) + "." + "0".repeat(random.nextInt(5)) + random.nextInt(1_000_000); break;
            }
            sb.append(i).append(',').append(d).append(r % 2 == 0 ? "\n" : "\r\n");
            expected.add(List.of(i, Double.parseDouble(d)));
        }
        Path f = TestTables.write(dir, "n.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults().withTypes(Map.of("d", FloeType.FLOAT64)));
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(dataset, allocator);
            for (int r = 0; r < expected.size(); r++) {
                assertEquals(expected.get(r).get(0), rows.get(r).get(0), "row " + r);
                assertEquals(Double.doubleToRawLongBits((Double) expected.get(r).get(1)),
                        Double.doubleToRawLongBits((Double) rows.get(r).get(1)), "row " + r + ": " + expected.get(r));
            }
        }
    }

    /** A file with quoted line breaks is split like any other, and read correctly (issue #3). */
    @Test
    void quotedLineBreaksAreSplitLikeAnyFile() throws IOException {
        StringBuilder sb = new StringBuilder("id,text\n");
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String text = "line " + i + "\nsecond, line\n\"quoted\"";
            sb.append(i).append(",\"").append(text.replace("\"", "\"\"")).append("\"\n");
            expected.add(List.of((long) i, text));
        }
        Path f = TestTables.write(dir, "m.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults().withBlockSize(100));
        assertTrue(dataset.splits().size() > 100, "splits: " + dataset.splits().size());
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(expected, TestTables.readAll(dataset, allocator));
        }
    }
}
