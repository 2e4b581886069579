package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoSpillFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.CsvFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The range-partitioned external sort against a plain, stable Java sort of the same rows (as read,
 * unsorted): 1, 3 and 17 partitions, several keys ascending and descending, NULLS FIRST/LAST, NaN,
 * strings, one key value holding most rows (a skewed range), and a memory budget small enough that every
 * range spills sorted runs. The sort is stable, so whole rows must come out in exactly the oracle's order.
 */
class ExternalSortTest {
    private static final int ROWS = 24_000;
    private static final Map<String, FloeType> TYPES = Map.of("id", FloeType.INT64, "k", FloeType.INT64,
            "d", FloeType.FLOAT64, "s", FloeType.STRING);

    @TempDir
    static Path dir;
    @TempDir
    Path spill;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        Random random = new Random(7);
        String[] names = {"alpha", "Beta", "gamma", "delta", "épsilon", "zeta", "eta"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int kr = random.nextInt(100);
            String k = kr < 8 ? "" : kr < 68 ? "5" : Integer.toString(random.nextInt(12) - 3);
            int dr = random.nextInt(100);
            String d = dr < 4 ? "" : dr < 9 ? "NaN" : dr < 11 ? "-0.0" : dr < 13 ? "0.0"
                    : Double.toString(Math.round(random.nextGaussian() * 1000) / 10.0);
            int sr = random.nextInt(100);
            String s = sr < 6 ? "" : names[random.nextInt(names.length)] + (sr % 3);
            lines.add(i + "," + k + "," + d + "," + s);
        }
        for (int parts : new int[] {1, 3, 17}) {
            int per = (ROWS + parts - 1) / parts;
            for (int p = 0; p < parts; p++) {
                StringBuilder sb = new StringBuilder("id,k,d,s\n");
                for (int i = p * per; i < Math.min(ROWS, (p + 1) * per); i++) {
                    sb.append(lines.get(i)).append('\n');
                }
                CsvFixtures.writeFile(dir.resolve("p" + parts), String.format("part-%02d.csv", p), sb.toString());
            }
        }
    }


    /** After each test (the Arrow leak check is the pool's). */
    @AfterEach
    void noSpillFiles() {
        assertNoSpillFiles(spill);
    }

    private DataFrame frame(int parts, long budget) {
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSpillDirectory(spill)
                .withSortMemoryBudget(budget);
        return Floe.readCsv(dir.resolve("p" + parts + "/*.csv").toString(), CsvOptions.defaults().withTypes(TYPES))
                .withOptions(o);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<List<SortKey>> keySets = List.of(
                List.of(SortKey.asc("k")),
                List.of(SortKey.desc("k").nullsFirst(false), SortKey.asc("d").nullsFirst(true)),
                List.of(SortKey.asc("s").nullsFirst(true), SortKey.desc("d")),
                List.of(SortKey.asc("d"), SortKey.desc("id")),
                List.of(SortKey.desc("s"), SortKey.asc("k").nullsFirst(true), SortKey.asc("d")));
        for (int parts : new int[] {1, 3, 17}) {
            for (int i = 0; i < keySets.size(); i++) {
                out.add(Arguments.of(parts, i, keySets.get(i), Long.MAX_VALUE / 4));
                out.add(Arguments.of(parts, i, keySets.get(i), 16L << 10));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} partitions, keys #{1}, budget {3}")
    @MethodSource("cases")
    void sortsLikeAStableJavaSort(int parts, int keySet, List<SortKey> keys, long budget) {
        DataFrame df = frame(parts, budget);
        List<List<Object>> expected = oracle(df, keys);
        DataFrame sorted = df.sort(keys.toArray(SortKey[]::new));
        assertEquals(parts, sorted.npartitions());
        assertEquals(ROWS, sorted.count());
        try (Table t = sorted.compute()) {
            assertEquals(expected, Rows.of(t));
            if (budget < 1 << 20) {
                assertTrue(t.metrics().filesSpilled() > 0, "a tiny budget spills");
                assertTrue(t.metrics().bytesSpilled() > 0);
            } else {
                assertEquals(0, t.metrics().filesSpilled());
            }
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3, 17})
    void toBatchesStreamsInGlobalOrder(int parts) {
        DataFrame df = frame(parts, 16L << 10);
        List<SortKey> keys = List.of(SortKey.desc("d"), SortKey.asc("id"));
        List<List<Object>> expected = oracle(df, keys);
        List<List<Object>> got = new ArrayList<>();
        try (BatchStream s = df.sort(keys.toArray(SortKey[]::new)).toBatches()) {
            while (s.next()) {
                VectorSchemaRoot b = s.batch();
                for (int r = 0; r < b.getRowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < b.getFieldVectors().size(); c++) {
                        row.add(value(b.getVector(c).getObject(r)));
                    }
                    got.add(row);
                }
            }
        }
        assertEquals(expected, got);
    }

    @Test
    void headAndWriteSeeTheGlobalOrder() throws IOException {
        DataFrame df = frame(17, 16L << 10);
        List<List<Object>> expected = oracle(df, List.of(SortKey.asc("s"), SortKey.asc("id")));
        DataFrame sorted = df.sort(SortKey.asc("s"), SortKey.asc("id"));
        String explain = sorted.explain();
        org.slf4j.LoggerFactory.getLogger(ExternalSortTest.class).debug("{}", explain);
        assertTrue(explain.contains("cut into 17 key ranges") && explain.contains("sample"), explain);
        try (Table t = sorted.head(50)) {
            assertEquals(expected.subList(0, 50), Rows.of(t));
        }
        Path out = dir.resolve("written");
        assertEquals(ROWS, sorted.select("id").writeCsv(out.toString()));
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<Object> ids = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            lines.subList(1, lines.size()).forEach(l -> ids.add(Long.parseLong(l)));
        }
        assertEquals(expected.stream().map(r -> r.get(0)).toList(), ids);
    }

    @Test
    void aFailingSortLeavesNoFilesAndNoMemory() {
        dev.floe.expressions.Schema schema = frame(3, 1).schema();
        DataFrame failing = frame(3, 16L << 10).mapPartitions(schema, (in, outBatch) -> {
            long first = (Long) in.getVector("id").getObject(0);
            if (first >= 2 * ROWS / 3) {
                throw new IllegalStateException("boom in the last partition");
            }
            for (int c = 0; c < in.getFieldVectors().size(); c++) {
                for (int r = 0; r < in.getRowCount(); r++) {
                    outBatch.getVector(c).copyFromSafe(r, r, in.getVector(c));
                }
            }
            outBatch.setRowCount(in.getRowCount());
        });
        RuntimeException e = assertThrows(RuntimeException.class, () -> failing.sort("k", "d").compute().close());
        assertTrue(causes(e).contains("boom"), causes(e));
    }

    @Test
    void aCancelledSortLeavesNoFilesAndNoMemory() throws Exception {
        DataFrame df = frame(17, 8L << 10).sort(SortKey.asc("s"), SortKey.desc("d"));
        QueryFuture<Table> f = df.computeAsync();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (FloeAssertions.spillFiles(spill).stream().noneMatch(p -> p.toString().endsWith(".arrow")) && !f.isDone()
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(FloeAssertions.spillFiles(spill).stream().anyMatch(p -> p.toString().endsWith(".arrow")), "spilled before the cancel");
        f.cancel();
        assertThrows(RuntimeException.class, f::get);
    }

    @Test
    void sortsMoreRowsThanTheQueryMemoryLimitHolds(@TempDir Path data) {
        dev.floe.testdata.TimeseriesGenerator.write(data, new dev.floe.testdata.TimeseriesGenerator.Spec(4, 100_000, 9));
        DataFrame ts = Floe.readCsv(data.resolve("*.csv").toString(), CsvOptions.parseDates("timestamp").withBatchRows(8192))
                .withOptions(ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSpillDirectory(spill));
        List<SortKey> keys = List.of(SortKey.asc("name"), SortKey.desc("value"));
        List<List<Object>> expected = oracle(ts, keys);
        long limit = 12L << 20;
        DataFrame limited = ts.memoryLimit(limit);
        // the old one-task sort held every row at once in the query's memory: more than the limit
        assertThrows(dev.floe.dataframe.exec.QueryExecution.QueryMemoryException.class, () -> limited.select("timestamp", "id", "name", "value", "x")
                .sort(keys.toArray(SortKey[]::new)).limit(Integer.MAX_VALUE - 2).compute().close());
        try (Table t = limited.sort(keys.toArray(SortKey[]::new)).compute()) {
            assertEquals(expected, Rows.of(t));
            assertTrue(t.metrics().filesSpilled() > 0);
        }
    }

    @Test
    void anUnwritableSpillDirectorySaysWhatToDo() throws IOException {
        Path notADirectory = Files.writeString(spill.resolve("a-file"), "x");
        DataFrame df = frame(3, 8L << 10);
        DataFrame sorted = df.withOptions(df.options().withSpillDirectory(notADirectory.resolve("spill"))).sort("k");
        RuntimeException e = assertThrows(RuntimeException.class, () -> sorted.compute().close());
        assertTrue(causes(e).contains("withSpillDirectory") && causes(e).contains(notADirectory.toString()), causes(e));
        Files.delete(notADirectory);
    }

    private static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            sb.append(t).append(" / ");
        }
        return sb.toString();
    }

    /** The frame's rows as read, stably sorted in Java by the keys. */
    private static List<List<Object>> oracle(DataFrame df, List<SortKey> keys) {
        List<List<Object>> rows;
        try (Table t = df.compute()) {
            rows = new ArrayList<>(Rows.of(t));
            List<String> names = t.schema().names();
            Comparator<List<Object>> order = null;
            for (SortKey k : keys) {
                int c = names.indexOf(((dev.floe.expressions.Column) k.expr()).name());
                Comparator<List<Object>> one = (a, b) -> compare(a.get(c), b.get(c), k);
                order = order == null ? one : order.thenComparing(one);
            }
            rows.sort(order);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b, SortKey k) {
        if (a == null || b == null) {
            return a == null && b == null ? 0 : (a == null) == k.nullsFirst() ? -1 : 1;
        }
        int c;
        if (a instanceof Double x) {
            c = Double.compare(x, (Double) b);
        } else if (a instanceof String x) {
            c = java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
        } else {
            c = ((Comparable<Object>) a).compareTo(b);
        }
        return k.ascending() ? c : -c;
    }

    private static Object value(Object o) {
        return o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o;
    }
}
