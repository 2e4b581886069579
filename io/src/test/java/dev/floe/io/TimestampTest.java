package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Temporal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timestamps and dates read from CSV equal java.time's answer. */
class TimestampTest {
    @TempDir
    Path dir;

    @Test
    void randomTimestampsMatchJavaTime() throws IOException {
        Random random = new Random(1);
        StringBuilder sb = new StringBuilder("t\n");
        List<Long> expected = new ArrayList<>();
        DateTimeFormatter[] formats = {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.S"),
        };
        for (int i = 0; i < 5000; i++) {
            long seconds = LocalDateTime.of(1601, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC)
                    + (long) (random.nextDouble() * 800L * 365 * 86400);
            LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, random.nextInt(1_000_000) * 1000, java.time.ZoneOffset.UTC);
            DateTimeFormatter format = formats[i % formats.length];
            String text = t.format(format);
            sb.append(text).append('\n');
            expected.add(Temporal.toMicros(LocalDateTime.parse(text, format)));
        }
        Path file = TestTables.write(dir, "t.csv", sb.toString());
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults());
        assertEquals(FloeType.TIMESTAMP, dataset.schema().field(0).type());
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(dataset, allocator);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), rows.get(i).get(0), "row " + i);
            }
        }
    }

    @Test
    void edgeCases() throws IOException {
        Path file = TestTables.write(dir, "t.csv", "t,d\n"
                + "1970-01-01 00:00:00,1970-01-01\n"
                + "1969-12-31 23:59:59.999999,1969-12-31\n"
                + "2000-02-29 12:34:56.123456789,2000-02-29\n"
                + "2024-12-31,2024-12-31\n"
                + ",\n");
        CsvDataset dataset = CsvDataset.open(file.toString(),
                CsvOptions.parseDates("t").withTypes(Map.of("d", FloeType.DATE)));
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(dataset, allocator);
            assertEquals(List.of(0L, 0), rows.get(0));
            assertEquals(List.of(-1L, -1), rows.get(1));
            assertEquals(List.of(Temporal.toMicros(LocalDateTime.of(2000, 2, 29, 12, 34, 56, 123456000)),
                    (int) LocalDate.of(2000, 2, 29).toEpochDay()), rows.get(2));
            assertEquals(List.of(Temporal.toMicros(LocalDateTime.of(2024, 12, 31, 0, 0)),
                    (int) LocalDate.of(2024, 12, 31).toEpochDay()), rows.get(3));
            assertEquals(java.util.Arrays.asList(null, null), rows.get(4));
        }
    }
}
