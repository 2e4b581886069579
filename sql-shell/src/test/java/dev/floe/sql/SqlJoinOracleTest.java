package dev.floe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.ExecutionOptions;
import dev.floe.dataframe.Floe;
import dev.floe.dataframe.Table;
import dev.floe.io.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RIGHT, FULL, CROSS and USING joins, {@code FROM a, b}, and IN / NOT IN / EXISTS subqueries over
 * generated tables with duplicate and NULL keys, checked against a plain nested-loop computation in Java,
 * for several split sizes (so many partitions) and with both broadcast and shuffled joins.
 *
 * <pre>
 *  l.csv (id, k, v): 300 rows, k in 0..19 or NULL (one in ten), v = id * 7 % 101
 *  r.csv (k, w):     200 rows, k in 10..29 or NULL (one in ten), w = row * 13 % 97
 * </pre>
 */
class SqlJoinOracleTest {
    private static Path dir;
    private static final List<Long[]> L = new ArrayList<>();   // id, k, v
    private static final List<Long[]> R = new ArrayList<>();   // k, w

    @BeforeAll
    static void writeTables() throws IOException {
        dir = Files.createTempDirectory("floe-join-oracle");
        Random random = new Random(42);
        StringBuilder l = new StringBuilder("id,k,v\n");
        for (long id = 0; id < 300; id++) {
            Long k = random.nextInt(10) == 0 ? null : (long) random.nextInt(20);
            L.add(new Long[] {id, k, id * 7 % 101});
            l.append(id).append(',').append(k == null ? "" : k).append(',').append(id * 7 % 101).append('\n');
        }
        StringBuilder r = new StringBuilder("k,w\n");
        for (long i = 0; i < 200; i++) {
            Long k = random.nextInt(10) == 0 ? null : 10L + random.nextInt(20);
            R.add(new Long[] {k, i * 13 % 97});
            r.append(k == null ? "" : k).append(',').append(i * 13 % 97).append('\n');
        }
        Files.writeString(dir.resolve("l.csv"), l);
        Files.writeString(dir.resolve("r.csv"), r);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        assertEquals(0, Floe.rootAllocator().getAllocatedMemory(), "Arrow memory leaked");
        assertEquals(java.util.List.of(), Floe.rootAllocator().getChildAllocators().stream()
                .map(org.apache.arrow.memory.BufferAllocator::getName).toList(), "allocators left open");
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Split size (bytes; whole files for the largest) and broadcast threshold (0: every join is shuffled). */
    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(Long.MAX_VALUE / 2, ExecutionOptions.defaults().broadcastThreshold()),
                Arguments.of(Long.MAX_VALUE / 2, 0L),
                Arguments.of(200L, ExecutionOptions.defaults().broadcastThreshold()),
                Arguments.of(200L, 0L),
                Arguments.of(1500L, 0L));
    }

    private static List<String> floe(String sql, long blockSize, long broadcast) {
        SqlPlanner.Catalog catalog = new SqlPlanner.Catalog() {
            @Override
            public DataFrame lookup(String name) {
                Path p = dir.resolve(name + ".csv");
                return Files.exists(p) ? Floe.readCsv(p.toString(), CsvOptions.defaults().withBlockSize(blockSize)) : null;
            }

            @Override
            public Collection<String> names() {
                return List.of("l", "r");
            }
        };
        DataFrame df = SqlPlanner.plan(SqlParser.parseQuery(sql), catalog, CsvOptions.defaults().withBlockSize(blockSize))
                .withOptions(ExecutionOptions.defaults().withBroadcastThreshold(broadcast).withShufflePartitions(3));
        List<String> rows = new ArrayList<>();
        try (Table t = df.compute()) {
            for (int i = 0; i < t.rowCount(); i++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < t.columnCount(); c++) {
                    cells.add(cell(t.get(i, c)));
                }
                rows.add(String.join("|", cells));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String cell(Object v) {
        return v == null ? "NULL" : String.valueOf(v);
    }

    private static String row(Object... cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(cell(c));
        }
        return String.join("|", out);
    }

    private static List<String> sorted(List<String> rows) {
        rows.sort(null);
        return rows;
    }

    private static boolean matches(Long[] l, Long[] r) {
        return l[1] != null && l[1].equals(r[0]);
    }

    /** l.id, l.k, r.k, r.w of the join of kind {@code kind} on l.k = r.k. */
    private static List<String> expectedJoin(String kind) {
        List<String> rows = new ArrayList<>();
        Set<Integer> matchedRight = new HashSet<>();
        for (Long[] l : L) {
            boolean matched = false;
            for (int j = 0; j < R.size(); j++) {
                if (matches(l, R.get(j))) {
                    matched = true;
                    matchedRight.add(j);
                    rows.add(row(l[0], l[1], R.get(j)[0], R.get(j)[1]));
                }
            }
            if (!matched && (kind.equals("LEFT") || kind.equals("FULL"))) {
                rows.add(row(l[0], l[1], null, null));
            }
        }
        if (kind.equals("RIGHT") || kind.equals("FULL")) {
            for (int j = 0; j < R.size(); j++) {
                if (!matchedRight.contains(j)) {
                    rows.add(row(null, null, R.get(j)[0], R.get(j)[1]));
                }
            }
        }
        return sorted(rows);
    }

    @ParameterizedTest(name = "block size {0}, broadcast threshold {1}")
    @MethodSource("layouts")
    void outerJoins(long blockSize, long broadcast) {
        for (String kind : List.of("INNER", "LEFT", "RIGHT", "FULL")) {
            assertEquals(expectedJoin(kind), floe("SELECT l.id, l.k, r.k, r.w FROM l " + kind + " JOIN r ON l.k = r.k",
                    blockSize, broadcast), kind);
        }
        assertEquals(expectedJoin("INNER"), floe("SELECT l.id, l.k, r.k, r.w FROM l, r WHERE r.k = l.k", blockSize, broadcast));
        assertEquals(expectedJoin("FULL"), floe("SELECT l.id, l.k, r.k, r.w FROM l FULL OUTER JOIN r USING (k)",
                blockSize, broadcast));
    }

    @ParameterizedTest(name = "block size {0}, broadcast threshold {1}")
    @MethodSource("layouts")
    void usingShowsOneColumnPerKey(long blockSize, long broadcast) {
        List<String> full = new ArrayList<>();
        for (String r : expectedJoin("FULL")) {
            String[] c = r.split("\\|");
            full.add(row(!c[1].equals("NULL") ? c[1] : c[2].equals("NULL") ? null : c[2], c[0], c[3]));
        }
        assertEquals(sorted(full), floe("SELECT * FROM (SELECT k, id FROM l) a FULL JOIN r USING (k)", blockSize, broadcast));
        List<String> right = new ArrayList<>();
        for (String r : expectedJoin("RIGHT")) {
            String[] c = r.split("\\|");
            right.add(row(c[2].equals("NULL") ? null : c[2], c[0], c[3]));
        }
        assertEquals(sorted(right), floe("SELECT k, id, w FROM l RIGHT JOIN r USING (k)", blockSize, broadcast));
    }

    @ParameterizedTest(name = "block size {0}, broadcast threshold {1}")
    @MethodSource("layouts")
    void crossJoins(long blockSize, long broadcast) {
        List<String> rows = new ArrayList<>();
        for (Long[] l : L) {
            for (Long[] r : R) {
                if (l[2] < r[1] - 90) {
                    rows.add(row(l[0], r[1]));
                }
            }
        }
        assertEquals(sorted(rows), floe("SELECT l.id, r.w FROM l CROSS JOIN r WHERE l.v < r.w - 90", blockSize, broadcast));
        assertEquals(sorted(rows), floe("SELECT l.id, r.w FROM l, r WHERE l.v < r.w - 90", blockSize, broadcast));
        assertEquals(List.of(String.valueOf((long) L.size() * R.size())), floe("SELECT count(*) FROM l, r", blockSize, broadcast));
        // Conjuncts over one side filter that side before the join.
        List<String> filtered = new ArrayList<>();
        for (Long[] l : L) {
            for (Long[] r : R) {
                if (l[2] < 10 && r[1] > 90 && (l[1] == null || r[0] == null || l[1] < r[0])) {
                    filtered.add(row(l[0], r[1]));
                }
            }
        }
        assertEquals(sorted(filtered), floe("SELECT l.id, r.w FROM l, r WHERE l.v < 10 AND r.w > 90 "
                + "AND (l.k IS NULL OR r.k IS NULL OR l.k < r.k)", blockSize, broadcast));
    }

    @ParameterizedTest(name = "block size {0}, broadcast threshold {1}")
    @MethodSource("layouts")
    void inAndNotInSubqueries(long blockSize, long broadcast) {
        Set<Long> rightKeys = new HashSet<>();
        boolean rightHasNull = false;
        for (Long[] r : R) {
            if (r[0] == null) {
                rightHasNull = true;
            } else {
                rightKeys.add(r[0]);
            }
        }
        assertEquals(ids(l -> l[1] != null && rightKeys.contains(l[1])),
                floe("SELECT id FROM l WHERE k IN (SELECT k FROM r)", blockSize, broadcast));
        assertEquals(rightHasNull ? List.of() : ids(l -> l[1] != null && !rightKeys.contains(l[1])),
                floe("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r)", blockSize, broadcast));
        assertEquals(ids(l -> l[1] != null && !rightKeys.contains(l[1])),
                floe("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r WHERE k IS NOT NULL)", blockSize, broadcast));
        // In the select list: TRUE, FALSE or NULL (three-valued).
        List<String> marks = new ArrayList<>();
        for (Long[] l : L) {
            Boolean in = l[1] == null ? null : rightKeys.contains(l[1]) ? Boolean.TRUE : rightHasNull ? null : Boolean.FALSE;
            marks.add(row(l[0], in));
        }
        assertEquals(sorted(marks), floe("SELECT id, k IN (SELECT k FROM r) AS m FROM l", blockSize, broadcast));
        assertEquals(ids(l -> true), floe("SELECT id FROM l WHERE EXISTS (SELECT * FROM r WHERE w > 50)", blockSize, broadcast));
        assertEquals(List.of(), floe("SELECT id FROM l WHERE EXISTS (SELECT * FROM r WHERE w > 500)", blockSize, broadcast));
    }

    private static List<String> ids(Predicate<Long[]> keep) {
        List<String> out = new ArrayList<>();
        for (Long[] l : L) {
            if (keep.test(l)) {
                out.add(String.valueOf(l[0]));
            }
        }
        return sorted(out);
    }
}
