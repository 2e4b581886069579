package dev.floe.dataframe;

import static dev.floe.expressions.Expressions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.io.CsvOptions;
import dev.floe.testdata.CsvFixtures;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Joins of the timeseries table with a small table of names, against nested loops over the generator's
 * rows: broadcast (the right side whole to every partition) and shuffle (both sides by key hash).
 */
class JoinTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(3, 4_000, 21);
    /** 20 of the 26 names have a row, two of them twice; one row has no name. */
    private static final Map<String, List<Long>> RANKS = new HashMap<>();

    @TempDir
    static Path dir;
    private static TimeseriesOracle oracle;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        TimeseriesGenerator.write(dir.resolve("ts"), SPEC);
        StringBuilder names = new StringBuilder("name,rank\n");
        for (int i = 0; i < 20; i++) {
            String name = TimeseriesGenerator.name(i);
            long rank = 100 + i;
            names.append(name).append(',').append(rank).append('\n');
            RANKS.computeIfAbsent(name, k -> new ArrayList<>()).add(rank);
            if (i % 9 == 0) {
                names.append(name).append(',').append(rank + 1000).append('\n');
                RANKS.get(name).add(rank + 1000);
            }
        }
        names.append(",999\n");
        CsvFixtures.writeFile(dir.resolve("names"), "names.csv", names.toString());
        oracle = new TimeseriesOracle(SPEC);
    }

    private static DataFrame left(long blockSize) {
        return Floe.readCsv(dir.resolve("ts/*.csv").toString(), CsvOptions.parseDates("timestamp").withBlockSize(blockSize))
                .withScheduler(pool.scheduler()).select("name", "id");
    }

    private static DataFrame names(long blockSize) {
        return Floe.readCsv(dir.resolve("names/*.csv").toString(), CsvOptions.defaults().withBlockSize(blockSize));
    }

    private static List<List<Object>> expected(JoinType type) {
        List<List<Object>> rows = new ArrayList<>();
        for (TimeseriesOracle.Row r : oracle.rows()) {
            List<Long> ranks = RANKS.getOrDefault(r.name(), List.of());
            switch (type) {
                case INNER -> ranks.forEach(k -> rows.add(Arrays.asList(r.name(), (long) r.id(), k)));
                case LEFT -> {
                    if (ranks.isEmpty()) {
                        rows.add(Arrays.asList(r.name(), (long) r.id(), null));
                    }
                    ranks.forEach(k -> rows.add(Arrays.asList(r.name(), (long) r.id(), k)));
                }
                case SEMI -> {
                    if (!ranks.isEmpty()) {
                        rows.add(Arrays.asList(r.name(), (long) r.id()));
                    }
                }
                case ANTI -> {
                    if (ranks.isEmpty()) {
                        rows.add(Arrays.asList(r.name(), (long) r.id()));
                    }
                }
            }
        }
        return Rows.sorted(rows);
    }

    @ParameterizedTest(name = "{0} {1} leftBlock={2} rightBlock={3}")
    @CsvSource({
        "INNER, broadcast, 30000, 67108864", "LEFT, broadcast, 50000, 67108864",
        "SEMI, broadcast, 30000, 67108864", "ANTI, broadcast, 1000000, 67108864",
        "INNER, shuffle, 30000, 40", "LEFT, shuffle, 50000, 64",
        "SEMI, shuffle, 30000, 40", "ANTI, shuffle, 1000000, 100"})
    void joinMatchesNestedLoops(JoinType type, String strategy, long leftBlock, long rightBlock) {
        DataFrame l = left(leftBlock);
        if (strategy.equals("shuffle")) {
            l = l.withOptions(l.options().withBroadcastThreshold(0).withShufflePartitions(3));
        }
        DataFrame joined = l.join(names(rightBlock), type, "name");
        if (strategy.equals("shuffle")) {
            assertTrue(joined.explain().contains("shuffle"), joined.explain());
        } else {
            assertTrue(joined.explain().contains("build"), joined.explain());
        }
        try (Table t = joined.compute()) {
            List<String> expectedColumns = type == JoinType.SEMI || type == JoinType.ANTI
                    ? List.of("name", "id") : List.of("name", "id", "rank");
            assertEquals(expectedColumns, t.schema().names());
            assertEquals(expected(type), Rows.sorted(Rows.of(t)));
        }
    }

    @ParameterizedTest(name = "keys {0}")
    @CsvSource({"67108864", "30"})
    void nullKeysNeverMatchAndClashingNamesGetASuffix(long block) {
        CsvFixtures.writeFile(dir.resolve("a"), "a.csv", "k,v\n1,a\n,b\n2,c\n2,d\n");
        CsvFixtures.writeFile(dir.resolve("b"), "b.csv", "k,v\n2,x\n,y\n3,z\n");
        DataFrame a = Floe.readCsv(dir.resolve("a/*.csv").toString(), CsvOptions.defaults().withBlockSize(block))
                .withScheduler(pool.scheduler());
        DataFrame b = Floe.readCsv(dir.resolve("b/*.csv").toString(), CsvOptions.defaults().withBlockSize(block));
        if (block < 100) {
            a = a.withOptions(a.options().withBroadcastThreshold(0).withShufflePartitions(2));
        }
        try (Table t = a.join(b, List.of(col("k")), List.of(col("k")), JoinType.LEFT).compute()) {
            assertEquals(List.of("k", "v", "k_right", "v_right"), t.schema().names());
            assertEquals(Rows.sorted(List.of(
                    Arrays.asList(1L, "a", null, null),
                    Arrays.asList(null, "b", null, null),
                    Arrays.asList(2L, "c", 2L, "x"),
                    Arrays.asList(2L, "d", 2L, "x"))), Rows.sorted(Rows.of(t)));
        }
    }
}
