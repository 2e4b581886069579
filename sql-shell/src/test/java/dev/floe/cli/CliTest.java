package dev.floe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.Floe;
import dev.floe.testdata.TimeseriesGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: output, errors on stderr and exit statuses. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run floe(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void noLeaks() {
        assertEquals(0, Floe.rootAllocator().getAllocatedMemory());
        assertEquals(java.util.List.of(), Floe.rootAllocator().getChildAllocators().stream()
                .map(org.apache.arrow.memory.BufferAllocator::getName).toList(), "allocators left open");
    }

    @Test
    void genWritesTheSpecifiedShards() throws Exception {
        Run r = floe("gen", "timeseries", "--out", dir.toString(), "--files", "3", "--rows-per-file", "10", "--seed", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("wrote 3 files"), r.out());
        List<String> lines = Files.readAllLines(dir.resolve("part-00001.csv"));
        assertEquals("timestamp,id,name,value,x", lines.get(0));
        assertEquals(11, lines.size());
        assertTrue(lines.get(1).startsWith("2000-01-01 00:00:10,"), lines.get(1));
    }

    @Test
    void genWritesTheQuotedTableAndSqlReadsItBack() throws Exception {
        Run r = floe("gen", "quoted", "--out", dir.toString(), "--files", "2", "--rows-per-file", "200");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("wrote 2 files"), r.out());
        assertTrue(Files.readString(dir.resolve("quoted-00001.csv")).startsWith("id,name,city,comment,amount,quantity\n200,\""));
        Run count = floe("sql", "--format", "csv", "-e", "SELECT count(*) AS n, max(id) AS top FROM read_csv('"
                + dir.resolve("quoted-*.csv") + "')");
        assertEquals(0, count.status(), count.err());
        assertTrue(count.out().contains("400,399"), count.out());
    }

    @Test
    void demoPrintsTwentyFourHours() {
        Run r = floe("demo", "--files", "2", "--rows-per-file", "50000", "--cache", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("24 rows"), r.out());
        assertTrue(r.out().contains("100,000 rows"), r.out());
        assertTrue(r.out().contains("MB/s"), r.out());
    }

    @Test
    void errorsGoToStderrWithStatusOne() {
        Run r = floe("sql", "-e", "SELECT * FROM read_csv('" + dir.resolve("missing-*.csv") + "')");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Error: "), r.err());
        assertTrue(r.err().contains("missing-*.csv"), r.err());

        Run unknown = floe("frobnicate");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("unknown command"), unknown.err());
    }

    @Test
    void csvFormatFollowsRfc4180() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "s,d,t\nplain,1.5,2000-01-01 10:00:00\n\"a,b\",0.1,2000-01-02 00:00:00.25\n\"\",,\n");
        Run r = floe("sql", "--format", "csv", "-e", "SELECT s, d, t FROM read_csv('" + dir.resolve("t.csv") + "')");
        assertEquals(0, r.status(), r.err());
        assertEquals("s,d,t\nplain,1.5,2000-01-01 10:00:00\n\"a,b\",0.1,2000-01-02 00:00:00.25\n\"\",,\n", r.out());
    }

    @Test
    void sqlCanonicalQueryMatchesOracle() {
        TimeseriesGenerator.Spec spec = new TimeseriesGenerator.Spec(3, 30_000, 9); // 25 hours: every hour has rows
        TimeseriesGenerator.write(dir, spec);
        long[] sums = new long[24];
        long[] counts = new long[24];
        for (int f = 0; f < spec.files(); f++) {
            TimeseriesGenerator.forEachRow(spec, f, (s, id, n, v, x) -> {
                int h = (int) (Math.floorMod(s, 86_400L) / 3600);
                sums[h] += v;
                counts[h]++;
            });
        }
        Run r = floe("sql", "--format", "csv", "-e", "SELECT hour(timestamp) AS hour, avg(value) AS mean_value "
                + "FROM read_csv('" + dir.resolve("*.csv") + "') GROUP BY hour ORDER BY hour");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("hour,mean_value", lines[0]);
        assertEquals(25, lines.length, r.out());
        for (int h = 0; h < 24; h++) {
            String[] cells = lines[h + 1].split(",");
            assertEquals(Integer.toString(h), cells[0]);
            double expected = (double) sums[h] / counts[h] / 1e6;
            assertEquals(expected, Double.parseDouble(cells[1]), Math.abs(expected) * 1e-12, "hour " + h);
        }
    }
}
