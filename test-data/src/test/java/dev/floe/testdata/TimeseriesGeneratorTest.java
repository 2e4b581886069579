package dev.floe.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.testdata.TimeseriesGenerator.Spec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeseriesGeneratorTest {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path tmp;

    /** Pinned bytes: a change here changes every cached sample, so bump FORMAT_VERSION with it. */
    @Test
    void firstRowsOfShardsZeroAndOneAreExactlyAsSpecified() throws IOException {
        List<Path> paths = TimeseriesGenerator.write(tmp, new Spec(2, 5, 42));

        assertEquals(List.of(tmp.resolve("part-00000.csv"), tmp.resolve("part-00001.csv")), paths);
        assertEquals(CsvFixtures.lines(
                "timestamp,id,name,value,x",
                "2000-01-01 00:00:00,985,Yvonne,0.239390,0.962950",
                "2000-01-01 00:00:01,1012,Yvonne,-0.162506,-0.739769",
                "2000-01-01 00:00:02,1038,Oliver,0.554367,1.235665",
                "2000-01-01 00:00:03,1014,Ursula,-0.702072,0.610212",
                "2000-01-01 00:00:04,1024,Ray,0.623170,-1.359515"), Files.readString(paths.get(0)));
        assertEquals(CsvFixtures.lines(
                "timestamp,id,name,value,x",
                "2000-01-01 00:00:05,993,Wendy,0.119281,0.893395",
                "2000-01-01 00:00:06,967,Edith,0.170378,-0.849673",
                "2000-01-01 00:00:07,1014,Charlie,0.532255,1.377740",
                "2000-01-01 00:00:08,950,Victor,-0.876340,0.859320",
                "2000-01-01 00:00:09,1020,Xavier,-0.963546,1.294048"), Files.readString(paths.get(1)));
    }

    @Test
    void shardFStartsAtSecondFTimesRowsPerFile() {
        Spec spec = new Spec(3, 1000, 1);
        for (int f = 0; f < spec.files(); f++) {
            long[] first = {Long.MIN_VALUE};
            TimeseriesGenerator.forEachRow(spec, f, (second, id, name, value, x) -> {
                if (first[0] == Long.MIN_VALUE) {
                    first[0] = second;
                }
            });
            assertEquals(TimeseriesGenerator.START_EPOCH_SECOND + f * 1000L, first[0]);
            assertEquals(first[0], TimeseriesGenerator.firstEpochSecond(spec, f));
        }
    }

    @Test
    void rerunningGivesByteIdenticalFiles() throws IOException {
        Spec spec = new Spec(3, 20_000, 7);
        assertSameBytes(TimeseriesGenerator.write(tmp.resolve("a"), spec), TimeseriesGenerator.write(tmp.resolve("b"), spec));
    }

    @Test
    void outputDoesNotDependOnTheThreadCount() throws IOException {
        Spec spec = new Spec(5, 30_000, 3);
        assertSameBytes(TimeseriesGenerator.write(tmp.resolve("one"), spec, 1),
                TimeseriesGenerator.write(tmp.resolve("four"), spec, 4));
    }

    @Test
    void seedsAndShardsGiveDifferentData() throws IOException {
        Path a = TimeseriesGenerator.write(tmp.resolve("a"), new Spec(2, 100, 1)).get(0);
        Path b = TimeseriesGenerator.write(tmp.resolve("b"), new Spec(2, 100, 2)).get(0);
        assertNotEquals(Files.readString(a), Files.readString(b));
        List<String> shard0 = Files.readAllLines(a);
        List<String> shard1 = Files.readAllLines(tmp.resolve("a/part-00001.csv"));
        assertNotEquals(shard0.subList(1, shard0.size()), shard1.subList(1, shard1.size()));
    }

    /** The oracle: every field of every written row is what forEachRow reports, and parses back exactly. */
    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 42L, -9_000_000_000L})
    void forEachRowAgreesWithAParseOfTheWrittenFile(long seed) throws IOException {
        Spec spec = new Spec(2, 25_000, seed);
        List<Path> paths = TimeseriesGenerator.write(tmp, spec);
        for (int f = 0; f < spec.files(); f++) {
            List<String> lines = Files.readAllLines(paths.get(f));
            assertEquals(TimeseriesGenerator.HEADER, lines.get(0));
            assertEquals(spec.rowsPerFile() + 1, lines.size());
            int[] row = {1};
            TimeseriesGenerator.forEachRow(spec, f, (second, id, nameIndex, valueMicros, xMicros) -> {
                String line = lines.get(row[0]++);
                String[] fields = line.split(",", -1);
                assertEquals(5, fields.length, line);
                assertEquals(second, LocalDateTime.parse(fields[0], TIMESTAMP).toEpochSecond(ZoneOffset.UTC), line);
                assertEquals(id, Integer.parseInt(fields[1]), line);
                assertEquals(TimeseriesGenerator.name(nameIndex), fields[2], line);
                assertMicros(valueMicros, fields[3], line);
                assertMicros(xMicros, fields[4], line);
            });
        }
    }

    @Test
    void valueIsInMinusOneToOneAndTheColumnsLookLikeTheirDistributions() {
        long rows = 400_000;
        Spec spec = new Spec(1, rows, 11);
        double[] sums = new double[5]; // value, value^2, x, x^2, id
        boolean[] seenName = new boolean[TimeseriesGenerator.NAME_COUNT];
        long[] minMax = {Long.MAX_VALUE, Long.MIN_VALUE};
        TimeseriesGenerator.forEachRow(spec, 0, (second, id, nameIndex, valueMicros, xMicros) -> {
            assertTrue(valueMicros >= -1_000_000 && valueMicros < 1_000_000, "value " + valueMicros);
            minMax[0] = Math.min(minMax[0], valueMicros);
            minMax[1] = Math.max(minMax[1], valueMicros);
            seenName[nameIndex] = true;
            double v = valueMicros / 1e6;
            double x = xMicros / 1e6;
            sums[0] += v;
            sums[1] += v * v;
            sums[2] += x;
            sums[3] += x * x;
            sums[4] += id;
        });
        assertTrue(minMax[0] < -999_000 && minMax[1] > 999_000, "value range " + minMax[0] + ".." + minMax[1]);
        assertEquals(0.0, sums[0] / rows, 0.01, "mean of value");
        assertEquals(1.0 / 3, sums[1] / rows, 0.01, "mean of value^2");
        assertEquals(0.0, sums[2] / rows, 0.01, "mean of x");
        assertEquals(1.0, sums[3] / rows, 0.01, "mean of x^2");
        assertEquals(1000.0, sums[4] / rows, 0.5, "mean of id");
        for (int i = 0; i < seenName.length; i++) {
            assertTrue(seenName[i], "name " + TimeseriesGenerator.name(i) + " never drawn");
        }
    }

    @Test
    void namesAreTheTwentySixFirstNames() {
        assertEquals("Alice", TimeseriesGenerator.name(0));
        assertEquals("Zelda", TimeseriesGenerator.name(25));
        for (int i = 0; i < TimeseriesGenerator.NAME_COUNT; i++) {
            assertEquals('A' + i, TimeseriesGenerator.name(i).charAt(0));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> TimeseriesGenerator.name(26));
    }

    @Test
    void fileNamesArePaddedToFiveDigits() {
        assertEquals("part-00000.csv", TimeseriesGenerator.fileName(0));
        assertEquals("part-00042.csv", TimeseriesGenerator.fileName(42));
        assertEquals("part-123456.csv", TimeseriesGenerator.fileName(123_456));
    }

    @Test
    void writingLeavesOnlyTheShards() throws IOException {
        TimeseriesGenerator.write(tmp.resolve("nested/dir"), new Spec(3, 10, 0));
        try (Stream<Path> files = Files.list(tmp.resolve("nested/dir"))) {
            assertEquals(List.of("part-00000.csv", "part-00001.csv", "part-00002.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void emptyShardsHaveOnlyTheHeader() throws IOException {
        Path shard = TimeseriesGenerator.write(tmp, new Spec(1, 0, 0)).get(0);
        assertEquals("timestamp,id,name,value,x\n", Files.readString(shard));
    }

    @Test
    void ensureSampleGeneratesOnceForAGivenSpec() throws IOException {
        Spec spec = new Spec(2, 1000, 5);
        Path dir = TimeseriesGenerator.ensureSample(tmp, spec);
        assertEquals(tmp.resolve("timeseries-2x1000-seed5"), dir);
        Path shard = dir.resolve("part-00001.csv");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(shard, old);

        assertEquals(dir, TimeseriesGenerator.ensureSample(tmp, spec));
        assertEquals(old, Files.getLastModifiedTime(shard), "a complete sample must not be rewritten");

        Files.writeString(dir.resolve(TimeseriesGenerator.MARKER_FILE), "timeseries format 0: stale\n");
        TimeseriesGenerator.ensureSample(tmp, spec);
        assertNotEquals(old, Files.getLastModifiedTime(shard), "a stale marker must trigger regeneration");

        Files.delete(shard);
        TimeseriesGenerator.ensureSample(tmp, spec);
        assertTrue(Files.isRegularFile(shard), "a missing shard must trigger regeneration");
        assertSameBytes(List.of(dir.resolve("part-00000.csv"), shard),
                TimeseriesGenerator.write(tmp.resolve("fresh"), spec));
    }

    @Test
    void badSpecsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Spec(0, 10, 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Spec(1, -1, 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> TimeseriesGenerator.forEachRow(new Spec(2, 1, 0), 2, (s, i, n, v, x) -> { }));
        assertThrows(IllegalArgumentException.class, () -> TimeseriesGenerator.write(tmp, new Spec(1, 1, 0), 0));
    }

    private static void assertMicros(long micros, String text, String line) {
        assertEquals(BigDecimal.valueOf(micros, 6).toPlainString(), text, line);
        assertEquals(micros / 1e6, Double.parseDouble(text), 0.0, line);
    }

    private static void assertSameBytes(List<Path> expected, List<Path> actual) throws IOException {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(Files.readAllBytes(expected.get(i)), Files.readAllBytes(actual.get(i)),
                    expected.get(i) + " vs " + actual.get(i));
        }
    }
}
