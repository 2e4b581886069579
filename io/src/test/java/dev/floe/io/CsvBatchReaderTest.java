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
            assertTrue(bytes > generated.text.length() * 9L / 10 && bytes <= generated.text.length(), "bytes " + bytes);
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
            assertEquals(generated.text.length(), reader.bytesRead());
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
}
