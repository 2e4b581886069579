package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoSpillFiles;

import static dev.floe.expressions.Expressions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.CsvFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shuffle join with a join memory budget so small that every bucket's build side spills and is
 * joined grace-style (both sides cut into pieces on disk by a second hash, joined piece by piece), or
 * middling (the shuffle's outputs partly on disk, the buckets' hash tables in memory), against nested
 * loops over the rows: inner, left, semi, anti; one key and two keys; NULL keys.
 */
class GraceJoinTest {
    private static final int LEFT = 5_000;
    private static final int RIGHT = 6_000;
    private static final List<Object[]> LEFT_ROWS = new ArrayList<>();
    private static final List<Object[]> RIGHT_ROWS = new ArrayList<>();

    @TempDir
    static Path dir;
    @TempDir
    Path spill;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        Random random = new Random(3);
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < LEFT; i++) {
            Long id = random.nextInt(50) == 0 ? null : (long) random.nextInt(8_000);
            long g = random.nextInt(3);
            LEFT_ROWS.add(new Object[] {id, g, (long) i});
            l.append(id == null ? "" : id).append(',').append(g).append(',').append(i).append('\n');
        }
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < RIGHT; i++) {
            Long id = random.nextInt(50) == 0 ? null : (long) random.nextInt(8_000);
            long g = random.nextInt(3);
            String tag = "t" + i;
            RIGHT_ROWS.add(new Object[] {id, g, tag});
            r.append(id == null ? "" : id).append(',').append(g).append(',').append(tag).append('\n');
        }
        split(dir.resolve("left"), "id,g,n\n", l.toString(), 4);
        split(dir.resolve("right"), "id,g,tag\n", r.toString(), 5);
    }

    private static void split(Path d, String header, String body, int parts) {
        String[] lines = body.split("\n");
        int per = (lines.length + parts - 1) / parts;
        for (int p = 0; p < parts; p++) {
            StringBuilder sb = new StringBuilder(header);
            for (int i = p * per; i < Math.min(lines.length, (p + 1) * per); i++) {
                sb.append(lines[i]).append('\n');
            }
            CsvFixtures.writeFile(d, "part-" + p + ".csv", sb.toString());
        }
    }


    /** After each test (the Arrow leak check is the pool's). */
    @AfterEach
    void noSpillFiles() {
        assertNoSpillFiles(spill);
    }

    private DataFrame side(String name, long budget) {
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler()).withBroadcastThreshold(0)
                .withShufflePartitions(3).withSpillDirectory(spill).withJoinMemoryBudget(budget);
        Map<String, FloeType> types = name.equals("left")
                ? Map.of("id", FloeType.INT64, "g", FloeType.INT64, "n", FloeType.INT64)
                : Map.of("id", FloeType.INT64, "g", FloeType.INT64, "tag", FloeType.STRING);
        return Floe.readCsv(dir.resolve(name + "/*.csv").toString(), CsvOptions.defaults().withTypes(types)).withOptions(o);
    }

    /** Nested loops: every left row against every right row; NULL never equals anything. */
    private static List<List<Object>> expected(JoinType type, boolean twoKeys) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] l : LEFT_ROWS) {
            List<Object[]> matches = new ArrayList<>();
            for (Object[] r : RIGHT_ROWS) {
                if (l[0] != null && l[0].equals(r[0]) && (!twoKeys || l[1].equals(r[1]))) {
                    matches.add(r);
                }
            }
            switch (type) {
                case INNER, LEFT -> {
                    for (Object[] r : matches) {
                        rows.add(Arrays.asList(l[0], l[1], l[2], r[0], r[1], r[2]));
                    }
                    if (matches.isEmpty() && type == JoinType.LEFT) {
                        rows.add(Arrays.asList(l[0], l[1], l[2], null, null, null));
                    }
                }
                case SEMI -> {
                    if (!matches.isEmpty()) {
                        rows.add(Arrays.asList(l));
                    }
                }
                case ANTI -> {
                    if (matches.isEmpty()) {
                        rows.add(Arrays.asList(l));
                    }
                }
            }
        }
        return Rows.sorted(rows);
    }

    @ParameterizedTest(name = "{0}, two keys {1}, budget {2}")
    @CsvSource({"INNER,false,2048", "LEFT,false,2048", "SEMI,false,2048", "ANTI,false,2048",
        "INNER,true,4096", "LEFT,true,4096", "SEMI,true,1024", "ANTI,true,1024",
        "INNER,false,65536", "ANTI,true,65536", "LEFT,false,40000",
        "INNER,false,268435456", "LEFT,true,268435456"})
    void graceJoinMatchesNestedLoops(JoinType type, boolean twoKeys, long budget) {
        DataFrame l = side("left", budget);
        DataFrame r = side("right", budget);
        DataFrame joined = twoKeys ? l.join(r, List.of(col("id"), col("g")), List.of(col("id"), col("g")), type)
                : l.join(r, List.of(col("id")), List.of(col("id")), type);
        try (Table t = joined.compute()) {
            List<List<Object>> got = Rows.of(t);
            assertEquals(expected(type, twoKeys), Rows.sorted(got));
            if (budget < 1 << 20) {
                assertTrue(t.metrics().filesSpilled() > 0, "a tiny budget spills");
            } else {
                assertEquals(0, t.metrics().filesSpilled());
            }
        }
    }

    @Test
    void aFailingGraceJoinLeavesNoFilesAndNoMemory() {
        DataFrame l = side("left", 1024);
        DataFrame r = side("right", 1024);
        // user code after the probe fails a bucket's partition once its pieces are on disk
        DataFrame inner = l.join(r, List.of(col("id")), List.of(col("id")), JoinType.INNER);
        DataFrame joined = inner.mapPartitions(inner.schema(), (in, out) -> {
            throw new IllegalStateException("boom after the pieces were written");
        });
        RuntimeException e = assertThrows(RuntimeException.class, () -> joined.compute().close());
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append(t).append(" / ");
        }
        assertTrue(causes.toString().contains("boom"), causes.toString());
    }

    @Test
    void aCancelledGraceJoinLeavesNoFilesAndNoMemory() throws Exception {
        DataFrame l = side("left", 1024);
        DataFrame r = side("right", 1024);
        QueryFuture<Table> f = l.join(r, List.of(col("id")), List.of(col("id")), JoinType.LEFT).computeAsync();
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean spilled = false;
        while (!spilled && !f.isDone() && System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.walk(spill)) {
                spilled = s.anyMatch(p -> p.toString().endsWith(".arrow"));
            }
            Thread.sleep(1);
        }
        f.cancel();
        assertTrue(spilled || f.isDone());
    }

    @ParameterizedTest(name = "budget {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1024, 268435456})
    void toBatchesShufflesEachSideOnce(long budget) {
        java.util.concurrent.atomic.AtomicInteger shuffles = new java.util.concurrent.atomic.AtomicInteger();
        dev.floe.scheduler.ProgressListener counter = new dev.floe.scheduler.ProgressListener() {
            @Override
            public void taskStarted(String key, String kind) {
                if (kind.equals("shuffle")) {
                    shuffles.incrementAndGet();
                }
            }
        };
        DataFrame l = side("left", budget);
        l = l.withOptions(l.options().withListener(counter));
        DataFrame r = side("right", budget);
        List<List<Object>> rows = new ArrayList<>();
        try (BatchStream s = l.join(r, List.of(col("id")), List.of(col("id")), JoinType.LEFT).toBatches()) {
            while (s.next()) {
                org.apache.arrow.vector.VectorSchemaRoot b = s.batch();
                for (int i = 0; i < b.getRowCount(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < b.getFieldVectors().size(); c++) {
                        Object v = b.getVector(c).getObject(i);
                        row.add(v instanceof org.apache.arrow.vector.util.Text t ? t.toString() : v);
                    }
                    rows.add(row);
                }
            }
        }
        assertEquals(expected(JoinType.LEFT, false), Rows.sorted(rows));
        assertEquals(4 + 5, shuffles.get(), "each partition of each side shuffled once, not once per bucket");
    }
}
