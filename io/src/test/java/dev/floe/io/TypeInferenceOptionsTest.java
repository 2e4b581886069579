package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The type lattice, ISO 8601 with offsets, strftime patterns, full inference, all_varchar; java.time is the oracle. */
class TypeInferenceOptionsTest {
    @TempDir
    Path dir;

    private List<FloeType> types(Path f, CsvOptions o) {
        return CsvDataset.open(f.toString(), o).schema().fields().stream().map(x -> x.type()).toList();
    }

    private List<List<Object>> read(Path f, CsvOptions o) {
        try (RootAllocator allocator = new RootAllocator()) {
            return TestTables.readAll(CsvDataset.open(f.toString(), o), allocator);
        }
    }

    private static long micros(OffsetDateTime t) {
        return ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), t);
    }

    @Test
    void theLattice() throws IOException {
        Path f = TestTables.write(dir, "a.csv", "d,dt,b,bi,s,n\n"
                + "2024-01-31,2024-01-31,true,1,true,NaN\n"
                + "2024-02-29,2024-02-29 10:00:00,FALSE,0,maybe,-inf\n"
                + ",,,,,Infinity\n");
        assertEquals(List.of(FloeType.DATE, FloeType.TIMESTAMP, FloeType.BOOLEAN, FloeType.INT64, FloeType.STRING,
                FloeType.FLOAT64), types(f, CsvOptions.defaults()));
        List<List<Object>> rows = read(f, CsvOptions.defaults());
        assertEquals((int) LocalDate.of(2024, 2, 29).toEpochDay(), rows.get(1).get(0));
        assertEquals(micros(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.UTC)), rows.get(1).get(1));
        assertEquals(Arrays.asList(true, false, null), Arrays.asList(rows.get(0).get(2), rows.get(1).get(2), rows.get(2).get(2)));
        assertTrue(Double.isNaN((Double) rows.get(0).get(5)));
        assertEquals(Double.NEGATIVE_INFINITY, rows.get(1).get(5));
        assertEquals(Double.POSITIVE_INFINITY, rows.get(2).get(5));
    }

    @Test
    void isoTimestampsWithOffsetsBecomeUtcInstants() throws IOException {
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder("t\n");
        List<Object> expected = new java.util.ArrayList<>();
        String[] offsets = {"Z", "+02:00", "-05:30", "+0100", "+14", ""};
        for (int i = 0; i < 500; i++) {
            LocalDateTime local = LocalDateTime.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1_000_000);
            String offset = offsets[random.nextInt(offsets.length)];
            String text = local.format(DateTimeFormatter.ofPattern(random.nextBoolean() ? "yyyy-MM-dd'T'HH:mm:ss.SSS" : "yyyy-MM-dd HH:mm:ss.SSS")) + offset;
            sb.append(text).append('\n');
            ZoneOffset zone = offset.isEmpty() || offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
            expected.add(micros(local.atOffset(zone)));
        }
        Path f = TestTables.write(dir, "t.csv", sb.toString());
        assertEquals(List.of(FloeType.TIMESTAMP), types(f, CsvOptions.defaults()));
        assertEquals(expected, read(f, CsvOptions.defaults()).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void strftimePatterns() throws IOException {
        Path f = TestTables.write(dir, "a.csv", "d,t\n31/01/2024,05 Mar 99 14:07:09.25 +0200\n1/2/2023,17 December 01 00:00:00.5 Z\n");
        CsvOptions o = CsvOptions.defaults().withDateFormat("%d/%m/%Y").withTimestampFormat("%d %b %y %H:%M:%S.%f %z");
        assertEquals(List.of(FloeType.DATE, FloeType.TIMESTAMP), types(f, o));
        List<List<Object>> rows = read(f, o.withDateFormat("%d/%m/%Y"));
        assertEquals((int) LocalDate.of(2024, 1, 31).toEpochDay(), rows.get(0).get(0));
        assertEquals((int) LocalDate.of(2023, 2, 1).toEpochDay(), rows.get(1).get(0));
        assertEquals(micros(OffsetDateTime.of(1999, 3, 5, 14, 7, 9, 250_000_000, ZoneOffset.ofHours(2))), rows.get(0).get(1));
        assertEquals(micros(OffsetDateTime.of(2001, 12, 17, 0, 0, 0, 500_000_000, ZoneOffset.UTC)), rows.get(1).get(1));
        // %j: day of the year
        Path g = TestTables.write(dir, "j.csv", "j\n2024-060\n2023-365\n");
        List<List<Object>> j = read(g, CsvOptions.defaults().withDateFormat("%Y-%j"));
        assertEquals(List.of(List.of((int) LocalDate.ofYearDay(2024, 60).toEpochDay()),
                List.of((int) LocalDate.ofYearDay(2023, 365).toEpochDay())), j);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.defaults().withDateFormat("%Q"));
        assertTrue(bad.getMessage().contains("unknown directive %Q"), bad.getMessage());
    }

    @Test
    void fullInferenceFindsWhatTheSampleMisses() throws IOException {
        StringBuilder sb = new StringBuilder("zip,n\n");
        for (int i = 0; i < 300_000; i++) {
            sb.append(i == 150_000 ? "1234X" : Integer.toString(10000 + i % 80000)).append(',').append(i).append('\n');
        }
        String text = sb.toString();
        Path f = TestTables.write(dir, "z.csv", text);
        assertEquals(FloeType.INT64, types(f, CsvOptions.defaults()).get(0));
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(f, CsvOptions.defaults()));
        assertEquals("zip", e.column());
        assertEquals(150_002, e.line());
        assertTrue(e.getMessage().contains("cannot read '1234X' as BIGINT; record: 1234X,150000; declare the column's type (types = {'zip':"
                + " 'VARCHAR'})"), e.getMessage());
        assertTrue(e.getMessage().contains("sample_size = -1"), e.getMessage());
        assertEquals(FloeType.STRING, types(f, CsvOptions.defaults().withSampleSize(-1)).get(0));
    }

    @Test
    void allVarcharKeepsTheTextAsItStands() throws IOException {
        Path f = TestTables.write(dir, "a.csv", "a,b,c\n007,\"1,5\",2024-01-01\n-0.0,\"\",TRUE\n");
        CsvOptions o = CsvOptions.defaults().withAllVarchar(true);
        assertEquals(List.of(FloeType.STRING, FloeType.STRING, FloeType.STRING), types(f, o));
        assertEquals(List.of(List.of("007", "1,5", "2024-01-01"), List.of("-0.0", "", "TRUE")), read(f, o));
    }

    @Test
    void exactDecimalsKeepLongNumbersAsText() throws IOException {
        Path f = TestTables.write(dir, "a.csv", "x,y\n0.1234567890123456789,1.5\n2.5,2.25\n");
        assertEquals(List.of(FloeType.FLOAT64, FloeType.FLOAT64), types(f, CsvOptions.defaults()));
        assertEquals(List.of(FloeType.STRING, FloeType.FLOAT64), types(f, CsvOptions.defaults().withExactDecimals(true)));
        assertEquals("0.1234567890123456789", read(f, CsvOptions.defaults().withExactDecimals(true)).get(0).get(0));
    }
}
