package dev.floe.io.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.Values;
import dev.floe.io.CsvBatchReader;
import dev.floe.io.CsvDataset;
import dev.floe.io.CsvOptions;
import dev.floe.io.FileSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    static CsvOptions readOptions(Schema schema) {
        Map<String, FloeType> types = new LinkedHashMap<>();
        schema.fields().forEach(f -> types.put(f.name(), f.type()));
        return CsvOptions.defaults().withTypes(types);
    }

    static List<List<Object>> readBack(String path, Schema schema, BufferAllocator allocator) {
        CsvDataset dataset = CsvDataset.open(path, readOptions(schema));
        assertEquals(schema, dataset.schema());
        List<List<Object>> rows = new ArrayList<>();
        for (FileSplit split : dataset.splits()) {
            try (CsvBatchReader reader = dataset.openSplit(split, allocator, null)) {
                while (reader.next()) {
                    rows.addAll(TestBatches.rows(reader.batch()));
                }
            }
        }
        return rows;
    }

    /** Writes {@code rows} in batches of {@code batchRows} through {@code writer} and commits. */
    static void writeAll(BatchWriter writer, Schema schema, List<List<Object>> rows, int batchRows,
            BufferAllocator allocator) {
        try (writer) {
            for (int from = 0; from < rows.size(); from += batchRows) {
                try (VectorSchemaRoot batch = TestBatches.batch(schema,
                        rows.subList(from, Math.min(rows.size(), from + batchRows)), allocator)) {
                    writer.write(batch);
                }
            }
            writer.commit();
        }
    }

    @Test
    void roundTripThroughTheCsvReader() {
        List<List<Object>> rows = TestBatches.randomRows(5000, 1);
        String path = dir.resolve("out/all.csv").toString();
        try (BufferAllocator allocator = new RootAllocator()) {
            BatchWriter writer = Writers.csv(path, TestBatches.ALL_TYPES, CsvWriteOptions.defaults());
            writeAll(writer, TestBatches.ALL_TYPES, rows, 700, allocator);
            assertEquals(5000, writer.rowsWritten());
            assertEquals(rows, readBack(path, TestBatches.ALL_TYPES, allocator));
        }
    }

    /** The oracle: each value's {@link Values#format} text, quoted by a plain String rule (the CLI's). */
    private static String expectedText(Schema schema, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        schema.fields().forEach(f -> header.add(field(f.name(), true)));
        sb.append(String.join(",", header)).append('\n');
        for (List<Object> row : rows) {
            List<String> fields = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                FloeType type = schema.field(c).type();
                Object v = row.get(c);
                fields.add(v == null ? "" : field(Values.format(type, v), type == FloeType.STRING));
            }
            sb.append(String.join(",", fields)).append('\n');
        }
        return sb.toString();
    }

    private static String field(String s, boolean text) {
        boolean quote = (text && s.isEmpty()) || s.contains(",") || s.contains("\"") || s.contains("\n")
                || s.contains("\r");
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Test
    void textIsTheCliCsvText() throws IOException {
        List<List<Object>> rows = new ArrayList<>(TestBatches.randomRows(3000, 2));
        rows.add(List.of(0L, "", Double.NaN, 0L, 0, false));
        rows.add(List.of(-1L, "x", Double.NEGATIVE_INFINITY, -1L, -1, true));
        rows.add(List.of(1L, "y", -0.0, 253_402_300_800_000_000L, 2_932_897, true));   // year 10000
        rows.add(List.of(2L, "z", 1e300, -62_135_596_800_000_001L, -719_529, true));    // year 0, year -1
        rows.add(java.util.Arrays.asList(null, null, null, null, null, null));
        Path file = dir.resolve("t.csv");
        try (BufferAllocator allocator = new RootAllocator()) {
            writeAll(Writers.csv(file.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults()),
                    TestBatches.ALL_TYPES, rows, 1000, allocator);
        }
        assertEquals(expectedText(TestBatches.ALL_TYPES, rows), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Decimals are written with every digit at the scale, no exponent, and read back to the same values. */
    @Test
    void decimalsRoundTripWithEveryDigit() throws IOException {
        List<List<Object>> rows = new ArrayList<>(TestBatches.randomDecimalRows(5000, 9));
        rows.add(List.of(-1L, new java.math.BigDecimal("-0.0500"), new java.math.BigDecimal("0.001"),
                new java.math.BigDecimal("-9223372036854775808"), new java.math.BigDecimal("0.000000000000")));
        Path file = dir.resolve("d.csv");
        try (BufferAllocator allocator = new RootAllocator()) {
            writeAll(Writers.csv(file.toString(), TestBatches.DECIMALS, CsvWriteOptions.defaults()),
                    TestBatches.DECIMALS, rows, 777, allocator);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(expectedText(TestBatches.DECIMALS, rows), text);
            assertTrue(text.endsWith("\n-1,-0.0500,0.001,-9223372036854775808,0.000000000000\n"), "plain digits");
            assertTrue(!text.contains("E"), "no exponent");
            assertEquals(rows, readBack(file.toString(), TestBatches.DECIMALS, allocator));
        }
    }

    @Test
    void optionsDelimiterQuoteNullStringNoHeader() throws IOException {
        Schema schema = Schema.of(new Field("a b", FloeType.STRING), new Field("n", FloeType.INT64));
        List<List<Object>> rows = List.of(java.util.Arrays.asList("x;y", null), List.of("NA", 3L),
                List.of("it's", 4L));
        Path file = dir.resolve("o.csv");
        try (BufferAllocator allocator = new RootAllocator()) {
            writeAll(Writers.csv(file.toString(), schema, new CsvWriteOptions(false, ';', '\'', "NA")), schema, rows,
                    10, allocator);
        }
        assertEquals("'x;y';NA\n'NA';3\n'it''s';4\n", Files.readString(file));
        assertThrows(IllegalArgumentException.class, () -> new CsvWriteOptions(true, ',', ',', ""));
        assertThrows(IllegalArgumentException.class, () -> CsvWriteOptions.defaults().withNullString("a,b"));
    }

    @Test
    void longValuesBiggerThanTheBuffer() {
        Schema schema = Schema.of(new Field("s", FloeType.STRING));
        String big = "\"x,\n".repeat(50_000);   // 200 KB, every byte special
        List<List<Object>> rows = List.of(List.of(big), List.of("small"), List.of(big + "tail"));
        String path = dir.resolve("big.csv").toString();
        try (BufferAllocator allocator = new RootAllocator()) {
            writeAll(Writers.csv(path, schema, CsvWriteOptions.defaults()), schema, rows, 2, allocator);
            assertEquals(rows, readBack(path, schema, allocator));
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFailedWriteLeavesNoFile() throws IOException {
        List<List<Object>> rows = TestBatches.randomRows(100, 3);
        String path = dir.resolve("x.csv").toString();
        try (BufferAllocator allocator = new RootAllocator()) {
            // closed without commit: aborted
            try (BatchWriter w = Writers.csv(path, TestBatches.ALL_TYPES, CsvWriteOptions.defaults());
                 VectorSchemaRoot batch = TestBatches.batch(TestBatches.ALL_TYPES, rows, allocator)) {
                w.write(batch);
                assertEquals(1, listing().size(), "the hidden temporary file exists while writing");
                assertTrue(listing().get(0).startsWith(".x.csv."), listing().toString());
            }
            assertEquals(List.of(), listing());

            // a batch of the wrong schema fails the writer; no file, and an older file is left alone
            Files.writeString(Path.of(path), "old\n");
            Schema other = Schema.of(new Field("id", FloeType.STRING));
            try (BatchWriter w = Writers.csv(path, TestBatches.ALL_TYPES, CsvWriteOptions.defaults());
                 VectorSchemaRoot good = TestBatches.batch(TestBatches.ALL_TYPES, rows, allocator);
                 VectorSchemaRoot bad = TestBatches.batch(other, List.of(List.of("a")), allocator)) {
                w.write(good);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(bad));
                assertTrue(e.getMessage().contains("does not match the schema"), e.getMessage());
                assertThrows(IllegalStateException.class, w::commit);
            }
            assertEquals(List.of("x.csv"), listing());
            assertEquals("old\n", Files.readString(Path.of(path)));

            // a committed write replaces the old file whole
            writeAll(Writers.csv(path, TestBatches.ALL_TYPES, CsvWriteOptions.defaults()), TestBatches.ALL_TYPES,
                    rows, 30, allocator);
            assertEquals(List.of("x.csv"), listing());
            assertEquals(rows, readBack(path, TestBatches.ALL_TYPES, allocator));
        }
    }
}
