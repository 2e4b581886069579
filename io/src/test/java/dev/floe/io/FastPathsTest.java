package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner's fused fast paths (integers eight digits at a time, timestamps with a cached date, short
 * strings in one store) against Long.toString / java.time, with buffers small enough that values straddle
 * buffer ends.
 */
class FastPathsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "max buffer {0}")
    @ValueSource(ints = {64, 1000, 1 << 22})
    void integersTimestampsAndShortStrings(int maxBuffer) throws IOException {
        Random random = new Random(maxBuffer);
        StringBuilder sb = new StringBuilder("i,t,s\n");
        List<List<Object>> expected = new ArrayList<>();
        LocalDateTime time = LocalDateTime.of(1999, 12, 31, 23, 59, 0);
        for (int r = 0; r < 20_000; r++) {
            long i = random.nextInt(4) == 0 ? random.nextLong() : (random.nextLong() >> random.nextInt(64));
            time = time.plusSeconds(random.nextInt(5000));
            String t = time.toString().replace('T', r % 3 == 0 ? 'T' : ' ');
            if (t.length() == 16) {
                t += ":00";
            }
            String s = "abcdefghijklm".substring(0, random.nextInt(13)) + (r % 50 == 0 ? "é" : "");
            sb.append(i).append(',').append(t).append(',').append(s).append(r % 2 == 0 ? "\n" : "\r\n");
            expected.add(java.util.Arrays.asList(i, time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L, s.isEmpty() ? null : s));
        }
        Path f = TestTables.write(dir, "f.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.parseDates("t"));
        try (RootAllocator allocator = new RootAllocator();
                CsvBatchReader reader = dataset.openSplit(dataset.splits().get(0), allocator, null, maxBuffer)) {
            List<List<Object>> rows = new ArrayList<>();
            while (reader.next()) {
                rows.addAll(TestTables.rows(reader.batch()));
            }
            assertEquals(expected.size(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(expected.get(r), rows.get(r), "row " + r);
            }
        }
    }

    @Test
    void integerEdges() throws IOException {
        String[] values = {"0", "-0", "7", "-7", "1234567", "12345678", "123456789", "-12345678", "99999999",
            "9223372036854775807", "-9223372036854775808", "00000001"};
        StringBuilder sb = new StringBuilder("i\n");
        List<List<Object>> expected = new ArrayList<>();
        for (String v : values) {
            sb.append(v).append('\n');
            expected.add(List.of(Long.parseLong(v)));
        }
        Path f = TestTables.write(dir, "e.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults()
                .withTypes(java.util.Map.of("i", dev.floe.expressions.FloeType.INT64)));
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(expected, TestTables.readAll(dataset, allocator));
        }
    }

    /**
     * Doubles of every digit layout the eight-at-a-time path splits on (integer and fraction parts of 0-9
     * digits, signs, a bare point, exponents), against Double.parseDouble bit for bit, with buffers small
     * enough that values straddle their ends.
     */
    @ParameterizedTest(name = "max buffer {0}")
    @ValueSource(ints = {64, 1000, 1 << 22})
    void doublesMatchParseDoubleBitForBit(int maxBuffer) throws IOException {
        Random random = new Random(31 + maxBuffer);
        String[] edges = {"0", "-0", "0.0", "-0.0", "1.", "-1.", ".5", "-.5", "1e5", "-2.5E-3", "12345678.1234567",
            "1234567.12345678", "0.00000001", "99999999.9999999", "7.000000", "123456789012345678", "4.35",
            "0.1", "0.3", "9007199254740993", "1.7976931348623157E308", "0.123456e1", "-1.234567E2", "12.34567e-1",
            "0.1234567", "0.12345678", "1234567.8"};
        StringBuilder sb = new StringBuilder("d,x\n");
        List<String> texts = new ArrayList<>(List.of(edges));
        for (int r = 0; r < 20_000; r++) {
            int intDigits = random.nextInt(10);
            int fractionDigits = random.nextInt(10);
            StringBuilder v = new StringBuilder(random.nextBoolean() ? "-" : "");
            for (int k = 0; k < intDigits; k++) {
                v.append((char) ('0' + random.nextInt(10)));
            }
            if (fractionDigits > 0 || intDigits == 0) {
                v.append('.');
                for (int k = 0; k < Math.max(1, fractionDigits); k++) {
                    v.append((char) ('0' + random.nextInt(10)));
                }
            }
            texts.add(v.toString());
        }
        List<List<Object>> expected = new ArrayList<>();
        for (int r = 0; r < texts.size(); r++) {
            String t = texts.get(r);
            sb.append(t).append(',').append(r).append(r % 2 == 0 ? "\n" : "\r\n");
            expected.add(List.of(Double.doubleToRawLongBits(Double.parseDouble(t)), (long) r));
        }
        Path f = TestTables.write(dir, "d.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults()
                .withTypes(java.util.Map.of("d", dev.floe.expressions.FloeType.FLOAT64)));
        try (RootAllocator allocator = new RootAllocator();
                CsvBatchReader reader = dataset.openSplit(dataset.splits().get(0), allocator, null, maxBuffer)) {
            List<List<Object>> rows = new ArrayList<>();
            while (reader.next()) {
                for (List<Object> row : TestTables.rows(reader.batch())) {
                    rows.add(List.of(Double.doubleToRawLongBits((Double) row.get(0)), row.get(1)));
                }
            }
            assertEquals(expected.size(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(expected.get(r), rows.get(r), "row " + r + ": " + texts.get(r));
            }
        }
    }

    /**
     * Almost-timestamps that the word-at-a-time time check must refuse, each after a good row with the same
     * date (so the cached date is hit): the general parser then reports file, line, column and text.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2000-01-01 24:00:00", "2000-01-01 23:60:00", "2000-01-01 23:59:60",
        "2000-01-01 2a:00:00", "2000-01-01 12:3/:00", "2000-01-01 12:30:0:", "2000-01-01 12-30:00",
        "2000-01-01 12:30-00", "2000-01-01_12:30:00", "2001-02-29 12:30:00", "2000-13-01 00:00:00"})
    void badTimestampsAreErrorsNamingTheLine(String bad) throws IOException {
        Path f = TestTables.write(dir, "t.csv", "t,n\n2000-01-01 12:00:00,1\n2001-02-28 12:00:00,2\n" + bad + ",3\n");
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults()
                .withTypes(java.util.Map.of("t", dev.floe.expressions.FloeType.TIMESTAMP)));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = org.junit.jupiter.api.Assertions.assertThrows(CsvFormatException.class,
                    () -> TestTables.readAll(dataset, allocator));
            assertEquals(4, e.line(), e.getMessage());
            assertEquals("t", e.column(), e.getMessage());
            assertEquals(bad, e.text(), e.getMessage());
        }
    }

    /** Good timestamps around every limit of the time word, against java.time. */
    @Test
    void timestampLimits() throws IOException {
        String[] texts = {"2000-01-01 00:00:00", "2000-01-01 23:59:59", "2000-01-01T09:09:09", "1999-12-31 19:00:09",
            "2000-02-29 10:10:10", "0001-01-01 00:00:00", "9999-12-31 23:59:59", "2000-01-01 00:00:00.5"};
        StringBuilder sb = new StringBuilder("t\n");
        List<List<Object>> expected = new ArrayList<>();
        for (String t : texts) {
            sb.append(t).append('\n');
            expected.add(List.of(dev.floe.expressions.Temporal.toMicros(LocalDateTime.parse(t.replace(' ', 'T')))));
        }
        Path f = TestTables.write(dir, "t.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.parseDates("t"));
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(expected, TestTables.readAll(dataset, allocator));
        }
    }

    /**
     * Unquoted text full of the bytes below {@code '-'} (spaces, punctuation, tabs), which the one-compare
     * field scan must look at and pass over, with delimiters on both sides of that threshold.
     */
    @ParameterizedTest(name = "delimiter {0}")
    @ValueSource(chars = {',', '\t', ';', '|'})
    void unquotedTextWithLowBytes(char delimiter) throws IOException {
        Random random = new Random(delimiter);
        String alphabet = " !#$%&'()*+-./09:<=>?@AZaz~\t,;|";
        StringBuilder sb = new StringBuilder("a" + delimiter + "b" + delimiter + "n\n");
        List<List<Object>> expected = new ArrayList<>();
        for (int r = 0; r < 5000; r++) {
            String[] texts = new String[2];
            for (int k = 0; k < 2; k++) {
                StringBuilder t = new StringBuilder("x");
                int n = random.nextInt(30);
                for (int j = 0; j < n; j++) {
                    char ch = alphabet.charAt(random.nextInt(alphabet.length()));
                    if (ch != delimiter) {
                        t.append(ch);
                    }
                }
                texts[k] = t.toString();
            }
            sb.append(texts[0]).append(delimiter).append(texts[1]).append(delimiter).append(r).append('\n');
            expected.add(List.of(texts[0], texts[1], (long) r));
        }
        Path f = TestTables.write(dir, "s.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(f.toString(), CsvOptions.defaults().withDelimiter(delimiter)
                .withTypes(java.util.Map.of("a", dev.floe.expressions.FloeType.STRING,
                        "b", dev.floe.expressions.FloeType.STRING, "n", dev.floe.expressions.FloeType.INT64)));
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(expected, TestTables.readAll(dataset, allocator));
        }
    }
}
