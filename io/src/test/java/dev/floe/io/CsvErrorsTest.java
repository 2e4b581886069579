package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aGlobMatchingNothingNamesTheGlob() {
        String glob = dir.resolve("*.csv").toString();
        FloeIOException e = assertThrows(FloeIOException.class, () -> CsvDataset.open(glob, CsvOptions.defaults()));
        assertEquals("no files match '" + glob + "'", e.getMessage());
    }

    @Test
    void aGlobInAMissingDirectorySaysSo() {
        String glob = dir.resolve("nope/*.csv").toString();
        FloeIOException e = assertThrows(FloeIOException.class, () -> CsvDataset.open(glob, CsvOptions.defaults()));
        assertEquals("no files match '" + glob + "': directory " + dir.resolve("nope") + " does not exist", e.getMessage());
        String plain = dir.resolve("missing.csv").toString();
        e = assertThrows(FloeIOException.class, () -> CsvDataset.open(plain, CsvOptions.defaults()));
        assertEquals("no files match '" + plain + "': no such file " + plain, e.getMessage());
    }

    /** 40 good rows in three files, then 'abc' on line 17 of part-00003.csv, read with several block sizes. */
    @ParameterizedTest(name = "block size {0}")
    @ValueSource(longs = {16, 100, 1 << 20})
    void aBadValueNamesFileLineColumnAndText(long blockSize) throws IOException {
        for (int f = 0; f < 3; f++) {
            StringBuilder sb = new StringBuilder("id,value\n");
            for (int i = 0; i < 40; i++) {
                sb.append(i).append(',').append(i).append(".5\n");
            }
            TestTables.write(dir, String.format("part-%05d.csv", f), sb.toString());
        }
        StringBuilder sb = new StringBuilder("id,value\n");
        for (int line = 2; line < 17; line++) {
            sb.append(line).append(',').append(line).append(".25\n");
        }
        sb.append("17,abc\n18,1.0\n");
        Path bad = TestTables.write(dir, "part-00003.csv", sb.toString());

        CsvDataset dataset = CsvDataset.open(dir + "/part-*.csv",
                CsvOptions.defaults().withBlockSize(blockSize).withTypes(Map.of("value", FloeType.FLOAT64)));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            assertEquals("file:" + bad, e.file());
            assertEquals(17, e.line());
            assertEquals("value", e.column());
            assertEquals("abc", e.text());
            int record = sb.indexOf("17,abc"); // the oracle for the record's byte offset: 128
            assertEquals(record + 3, e.byteOffset()); // the field's
            assertEquals(bad + " line 17 (byte " + record + "), column 'value': cannot read 'abc' as DOUBLE;"
                    + " record: 17,abc; declare the column's type (types = {'value': 'VARCHAR'}) or fix the file",
                    e.getMessage());
        }
    }

    @Test
    void aValueTheSampleMissedSaysTheTypeWasInferred() throws IOException {
        StringBuilder sb = new StringBuilder("id,n\n");
        for (int i = 0; i < 300_000; i++) {
            sb.append(i).append(',').append(i == 120_017 ? "x" : "1").append('\n');
        }
        TestTables.write(dir, "big.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(dir + "/big.csv", CsvOptions.defaults().withBlockSize(1 << 20));
        assertEquals(FloeType.INT64, dataset.schema().field(1).type());
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            assertEquals(120_019, e.line());
            assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "line 120019 (byte %,d), column 'n': cannot read 'x' as BIGINT;"
                    + " record: 120017,x; declare", sb.indexOf("120017,x")) + " the column's type"
                    + " (types = {'n': 'VARCHAR'}) or fix the file (BIGINT was inferred from a sample"), e.getMessage());
        }
    }

    @Test
    void aNonNumberInADeclaredInt64Column() throws IOException {
        Path file = TestTables.write(dir, "a.csv", "id,name\n1,a\n2,b\nthree,c\n");
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withTypes(Map.of("id", FloeType.INT64)));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            assertEquals(file + " line 4 (byte 16), column 'id': cannot read 'three' as BIGINT; record: three,c;"
                    + " declare the column's type"
                    + " (types = {'id': 'VARCHAR'}) or fix the file", e.getMessage());
        }
    }

    @Test
    void int64OverflowIsAnError() throws IOException {
        Path file = TestTables.write(dir, "a.csv", "id\n1\n9223372036854775808\n");
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withTypes(Map.of("id", FloeType.INT64)));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            assertEquals(3, e.line());
            assertEquals("9223372036854775808", e.text());
        }
    }

    @Test
    void tooFewFields() throws IOException {
        Path file = TestTables.write(dir, "a.csv", "a,b,c\n1,2,3\n4,5\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataset.open(file.toString(), CsvOptions.defaults()));
        assertEquals("file:" + file, e.file());
        assertEquals(3, e.line());
        assertEquals("c", e.column());
        assertEquals(file + " line 3 (byte 12): expected 3 fields (a, b, c) but found 2; record: 4,5; fix the file"
                + " (every row needs one field per header column, or null_padding = true reads missing fields as NULL)",
                e.getMessage());
    }

    @Test
    void aRaggedRowThatTheSampleMissedFailsAtReadTime() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 70_000; i++) { // the sample reads rows ~0-1000, ~50000-51000, ~100000-101000, ...
            sb.append(i).append(',').append(i).append('\n');
        }
        sb.append("1\n");
        for (int i = 0; i < 130_000; i++) {
            sb.append(i).append(',').append(i).append('\n');
        }
        Path file = TestTables.write(dir, "a.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withBlockSize(100_000));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            assertEquals(70_002, e.line());
            assertEquals("b", e.column());
        }
    }

    @Test
    void tooManyFieldsIsFoundAlreadyWhileSampling() throws IOException {
        Path file = TestTables.write(dir, "a.csv", "a,b\n1,2\n3,4,5\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataset.open(file.toString(), CsvOptions.defaults()));
        assertEquals("file:" + file, e.file());
        assertEquals(3, e.line());
        assertEquals(null, e.column()); // too many fields: the row as a whole
        assertTrue(e.getMessage().startsWith(file + " line 3 (byte 8): expected 2 fields (a, b) but found more than 2; record: 3,4,5;"), e.getMessage());
    }

    @Test
    void anUnterminatedQuote() throws IOException {
        Path file = TestTables.write(dir, "a.csv", "a,b\n1,\"x\n2,y\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataset.open(file.toString(), CsvOptions.defaults()));
        assertEquals("file:" + file, e.file());
        assertEquals(2, e.line());
        assertEquals("b", e.column());
        assertTrue(e.getMessage().contains("is never closed"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + " line 2 (byte 6), column 'b'"), e.getMessage()); // the quote's
        assertTrue(e.getMessage().contains("; record: 1,\"x\\n2,y\\n; fix the file"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuote() throws IOException {
        Path file = TestTables.write(dir, "a.csv", "a,b\n1,\"x\"y\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataset.open(file.toString(), CsvOptions.defaults()));
        assertEquals("file:" + file, e.file());
        assertEquals(2, e.line());
        assertEquals("b", e.column());
        assertTrue(e.getMessage().contains("unexpected text after the closing \""), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + " line 2 (byte 4), column 'b'"), e.getMessage());
        assertTrue(e.getMessage().contains("; record: 1,\"x\"y; fix the file"), e.getMessage());
    }

    @Test
    void anInvalidTimestamp() throws IOException {
        Path file = TestTables.write(dir, "a.csv", "t\n2020-02-29 00:00:00\n2021-02-29 00:00:00\n");
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.parseDates("t"));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("line 3 (byte 22), column 't': cannot read '2021-02-29 00:00:00' as"
                    + " TIMESTAMP; record: 2021-02-29 00:00:00; declare"), e.getMessage());
        }
    }
}
