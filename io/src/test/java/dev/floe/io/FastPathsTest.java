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
}
