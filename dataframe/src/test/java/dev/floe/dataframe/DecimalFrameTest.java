package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertClose;
import static dev.floe.dataframe.FloeAssertions.assertNoSpillFiles;
import static dev.floe.expressions.Expressions.count;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.first;
import static dev.floe.expressions.Expressions.last;
import static dev.floe.expressions.Expressions.max;
import static dev.floe.expressions.Expressions.mean;
import static dev.floe.expressions.Expressions.min;
import static dev.floe.expressions.Expressions.nunique;
import static dev.floe.expressions.Expressions.std;
import static dev.floe.expressions.Expressions.sum;
import static dev.floe.expressions.Expressions.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DECIMAL columns through the engine — grouped and global aggregates, group and join keys, sort (in
 * memory and spilled), distinct, union, persist, head, show and describe — against a plain
 * single-threaded BigDecimal fold over the same rows, over 1, 3 and 17 partitions and several
 * splitEvery values.
 *
 * <p>Columns: {@code id} BIGINT (row number), {@code g} DECIMAL(10,2) (a few keys, negatives, NULL),
 * {@code k} BIGINT (a few keys), {@code a} DECIMAL(12,3) (NULLs, negatives), {@code h} DECIMAL(18,0)
 * (values near 10^18, so that a group's sum leaves the long within a few rows), {@code w}
 * DECIMAL(38,6) (values of about 31 digits, some small; NULLs).
 */
class DecimalFrameTest {
    private static final int ROWS = 6_000;
    private static final FloeType G = FloeType.decimal(10, 2);
    private static final FloeType A = FloeType.decimal(12, 3);
    private static final FloeType H = FloeType.decimal(18, 0);
    private static final FloeType W = FloeType.decimal(38, 6);
    private static final Schema SCHEMA = new Schema(List.of(new Field("id", FloeType.INT64), new Field("g", G),
            new Field("k", FloeType.INT64), new Field("a", A), new Field("h", H), new Field("w", W)));
    private static final BigDecimal[] G_VALUES = {new BigDecimal("-1.50"), new BigDecimal("0.00"),
        new BigDecimal("2.25"), new BigDecimal("12345678.90"), new BigDecimal("-99999999.99"), new BigDecimal("0.01"), null};

    /** One row of the oracle: values as Values.get gives them (BigDecimal at the column's scale). */
    record Row(long id, BigDecimal g, long k, BigDecimal a, BigDecimal h, BigDecimal w) {
        List<Object> values() {
            return Arrays.asList(id, g, k, a, h, w);
        }
    }

    private static List<Row> rows;
    @RegisterExtension
    static final TestPool pool = new TestPool();
    @TempDir
    Path spill;
    private final List<Table> tables = new ArrayList<>();
    private Table table;

    @BeforeAll
    static void generate() {
        Random random = new Random(11);
        rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            BigDecimal g = G_VALUES[random.nextInt(G_VALUES.length)];
            BigDecimal a = random.nextInt(10) == 0 ? null
                    : BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, 3);
            long hu = 900_000_000_000_000_000L + (long) (random.nextDouble() * 99_999_999_999_999_999L);
            BigDecimal h = random.nextInt(15) == 0 ? null : BigDecimal.valueOf(random.nextBoolean() ? hu : -hu / 3, 0);
            BigDecimal w;
            int wr = random.nextInt(10);
            if (wr == 0) {
                w = null;
            } else if (wr < 3) {
                w = BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000, 6);
            } else {
                BigInteger u = new BigInteger(100, random);   // < 2^100 ~ 1.3e30: 31 digits
                w = new BigDecimal(random.nextBoolean() ? u : u.negate(), 6);
            }
            rows.add(new Row(i, g, random.nextInt(5), a, h, w));
        }
    }

    @BeforeEach
    void makeTable() {
        table = table(SCHEMA, rows.stream().map(Row::values).toList());
    }

    @AfterEach
    void closeTables() {
        tables.forEach(Table::close);
        assertNoSpillFiles(spill);
    }

    /** A table owned by this test (closed after it) of {@code schema} holding {@code values}. */
    private Table table(Schema schema, List<List<Object>> values) {
        Table t = Rows.table(schema, values, "decimal-test-" + tables.size());
        tables.add(t);
        return t;
    }

    private DataFrame frame(int partitions, int splitEvery) {
        DataFrame df = Floe.fromTable(table).withOptions(ExecutionOptions.defaults().withScheduler(pool.scheduler())
                .withSpillDirectory(spill).withSplitEvery(splitEvery));
        return partitions == 1 ? df : df.repartition(partitions);
    }

    static Stream<Arguments> partitionsAndSplitEvery() {
        List<Arguments> cases = new ArrayList<>();
        for (int partitions : new int[] {1, 3, 17}) {
            for (int splitEvery : new int[] {2, 8, ExecutionOptions.NO_TREE}) {
                cases.add(Arguments.of(partitions, splitEvery));
            }
        }
        return cases.stream();
    }

    // ---------------------------------------------------------------- the oracle

    /** Per group: the aggregates of one column, folded row by row in BigDecimal. */
    static final class Fold {
        BigDecimal sum;
        BigDecimal squares = BigDecimal.ZERO;
        BigDecimal min;
        BigDecimal max;
        BigDecimal first;
        BigDecimal last;
        long count;
        final Set<BigDecimal> distinct = new HashSet<>();

        void add(BigDecimal x) {
            if (x == null) {
                return;
            }
            sum = sum == null ? x : sum.add(x);
            squares = squares.add(x.multiply(x));
            min = min == null || x.compareTo(min) < 0 ? x : min;
            max = max == null || x.compareTo(max) > 0 ? x : max;
            first = first == null ? x : first;
            last = x;
            count++;
            distinct.add(x);
        }

        Double mean() {
            return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
        }

        Double variance() {
            if (count < 2) {
                return null;
            }
            BigDecimal n = BigDecimal.valueOf(count);
            return squares.subtract(sum.multiply(sum).divide(n, MathContext.DECIMAL128))
                    .divide(n.subtract(BigDecimal.ONE), MathContext.DECIMAL128).doubleValue();
        }
    }

    private static <K> Map<K, Fold> fold(Function<Row, K> key, Function<Row, BigDecimal> value) {
        Map<K, Fold> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(key.apply(r), k -> new Fold()).add(value.apply(r));
        }
        return out;
    }

    // ---------------------------------------------------------------- aggregation

    @ParameterizedTest(name = "partitions={0} splitEvery={1}")
    @MethodSource("partitionsAndSplitEvery")
    void groupedByDecimalKeyMatchesBigDecimalFold(int partitions, int splitEvery) {
        DataFrame df = frame(partitions, splitEvery);
        assertEquals(partitions, df.npartitions());
        DataFrame grouped = df.groupBy("g").agg(countStar().as("n"), sum("a").as("sum_a"), sum("h").as("sum_h"),
                sum("w").as("sum_w"), min("a").as("min_a"), max("a").as("max_a"), min("w").as("min_w"),
                max("w").as("max_w"), mean("a").as("avg_a"), mean("w").as("avg_w"), count("a").as("count_a"),
                nunique("a").as("nunique_a"), first("w").as("first_w"), last("a").as("last_a"),
                std("a").as("std_a"), var("h").as("var_h"));
        Schema s = grouped.schema();
        assertEquals(G, s.field(s.indexOf("g")).type());
        assertEquals(FloeType.decimal(38, 3), s.field(s.indexOf("sum_a")).type());
        assertEquals(FloeType.decimal(38, 0), s.field(s.indexOf("sum_h")).type());
        assertEquals(FloeType.decimal(38, 6), s.field(s.indexOf("sum_w")).type());
        assertEquals(A, s.field(s.indexOf("min_a")).type());
        assertEquals(W, s.field(s.indexOf("max_w")).type());
        assertEquals(W, s.field(s.indexOf("first_w")).type());
        assertEquals(FloeType.FLOAT64, s.field(s.indexOf("avg_a")).type());
        assertEquals(FloeType.FLOAT64, s.field(s.indexOf("std_a")).type());

        Map<BigDecimal, Fold> a = fold(Row::g, Row::a);
        Map<BigDecimal, Fold> h = fold(Row::g, Row::h);
        Map<BigDecimal, Fold> w = fold(Row::g, Row::w);
        Map<BigDecimal, Long> n = new HashMap<>();
        rows.forEach(r -> n.merge(r.g(), 1L, Long::sum));
        try (Table t = grouped.compute()) {
            assertEquals(G_VALUES.length, t.rowCount());
            for (int row = 0; row < t.rowCount(); row++) {
                BigDecimal g = (BigDecimal) t.get(row, "g");
                String what = "group " + g;
                Fold fa = a.get(g);
                Fold fh = h.get(g);
                Fold fw = w.get(g);
                assertEquals(n.get(g), t.get(row, "n"), what);
                assertEquals(fa.sum, t.get(row, "sum_a"), what);
                assertEquals(fh.sum, t.get(row, "sum_h"), what);
                assertEquals(fw.sum, t.get(row, "sum_w"), what);
                assertEquals(fa.min, t.get(row, "min_a"), what);
                assertEquals(fa.max, t.get(row, "max_a"), what);
                assertEquals(fw.min, t.get(row, "min_w"), what);
                assertEquals(fw.max, t.get(row, "max_w"), what);
                assertEquals(fa.mean(), t.get(row, "avg_a"), what);
                assertEquals(fw.mean(), t.get(row, "avg_w"), what);
                assertEquals(fa.count, t.get(row, "count_a"), what);
                assertEquals((long) fa.distinct.size(), t.get(row, "nunique_a"), what);
                assertEquals(fw.first, t.get(row, "first_w"), what);
                assertEquals(fa.last, t.get(row, "last_a"), what);
                assertClose(Math.sqrt(fa.variance()), (Double) t.get(row, "std_a"), 1e-9, what + " std");
                assertClose(fh.variance(), (Double) t.get(row, "var_h"), 1e-9, what + " var");
            }
        }
    }

    @ParameterizedTest(name = "partitions={0} splitEvery={1}")
    @MethodSource("partitionsAndSplitEvery")
    void groupedByWideDecimalAndByTwoKeys(int partitions, int splitEvery) {
        DataFrame df = frame(partitions, splitEvery);
        // DECIMAL(38,6) keys take the general group table; most groups have one row
        Map<BigDecimal, Fold> byW = fold(Row::w, Row::a);
        try (Table t = df.groupBy("w").agg(sum("a").as("s"), countStar().as("n")).compute()) {
            assertEquals(byW.size(), t.rowCount());
            for (int row = 0; row < t.rowCount(); row++) {
                assertEquals(byW.get((BigDecimal) t.get(row, "w")).sum, t.get(row, "s"));
            }
        }
        Map<List<Object>, Fold> byGk = fold(r -> Arrays.asList(r.g(), r.k()), Row::w);
        try (Table t = df.groupBy("g", "k").agg(sum("w").as("s"), max("w").as("m")).compute()) {
            assertEquals(byGk.size(), t.rowCount());
            for (int row = 0; row < t.rowCount(); row++) {
                Fold f = byGk.get(Arrays.asList(t.get(row, "g"), t.get(row, "k")));
                assertEquals(f.sum, t.get(row, "s"));
                assertEquals(f.max, t.get(row, "m"));
            }
        }
    }

    @ParameterizedTest(name = "partitions={0} splitEvery={1}")
    @MethodSource("partitionsAndSplitEvery")
    void globalAggregatesAndManyGroupsSplitOut(int partitions, int splitEvery) {
        DataFrame df = frame(partitions, splitEvery);
        Fold a = fold(r -> 0, Row::a).get(0);
        Fold h = fold(r -> 0, Row::h).get(0);
        Fold w = fold(r -> 0, Row::w).get(0);
        try (Table t = df.agg(sum("a").as("sa"), sum("h").as("sh"), sum("w").as("sw"), min("h").as("mh"),
                max("h").as("xh"), mean("h").as("ah")).compute()) {
            assertEquals(List.of(List.of(a.sum, h.sum, w.sum, h.min, h.max, h.mean())), Rows.of(t));
        }
        // grouped by id: one group per row, spread over hash buckets past splitOutGroups
        DataFrame many = df.withOptions(df.options().withSplitOutGroups(100).withShufflePartitions(4));
        try (Table t = many.groupBy("id").agg(sum("w").as("s"), min("g").as("g")).compute()) {
            assertEquals(ROWS, t.rowCount());
            for (int row = 0; row < t.rowCount(); row++) {
                Row r = rows.get((int) (long) (Long) t.get(row, "id"));
                assertEquals(r.w(), t.get(row, "s"));
                assertEquals(r.g(), t.get(row, "g"));
            }
        }
    }

    /** A state that went through serialisation (as a partial travelling between tasks) sums the same. */
    @Test
    void partialStatesSerialise() throws Exception {
        var layout = new dev.floe.dataframe.exec.agg.AggregateLayout(List.of(G),
                List.of(dev.floe.expressions.AggregateFunction.SUM, dev.floe.expressions.AggregateFunction.MIN),
                List.of(W, W), List.of("sum(w)", "min(w)"));
        var state = new dev.floe.dataframe.exec.agg.AggregateState(layout);
        VectorSchemaRoot root = table.root();
        int n = root.getRowCount();
        state.update(new FieldVector[] {root.getVector("g")}, new FieldVector[] {root.getVector("w"), root.getVector("w")},
                n, new int[n]);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        var copy = (dev.floe.dataframe.exec.agg.AggregateState) new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray())).readObject();
        copy.merge(state);
        Map<BigDecimal, Fold> w = fold(Row::g, Row::w);
        Schema out = new Schema(List.of(new Field("g", G), new Field("s", FloeType.decimal(38, 6)), new Field("m", W)));
        try (BufferAllocator allocator = Floe.rootAllocator().newChildAllocator("serialised", 0, Long.MAX_VALUE);
                VectorSchemaRoot result = copy.toBatch(out.toArrow(), allocator)) {
            assertEquals(w.size(), result.getRowCount());
            for (int r = 0; r < result.getRowCount(); r++) {
                Fold f = w.get((BigDecimal) dev.floe.expressions.Values.get(result.getVector(0), r));
                assertEquals(f.sum.multiply(BigDecimal.valueOf(2)), dev.floe.expressions.Values.get(result.getVector(1), r));
                assertEquals(f.min, dev.floe.expressions.Values.get(result.getVector(2), r));
            }
        }
    }

    @ParameterizedTest(name = "partitions={0}")
    @ValueSource(ints = {1, 3, 17})
    void sumPastThirtyEightDigitsIsAnErrorNamingTheColumn(int partitions) {
        FloeType wide = FloeType.decimal(38, 0);
        BigDecimal big = new BigDecimal("9" + "0".repeat(37));     // 9 * 10^37: two of them have 39 digits
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values.add(Arrays.asList((long) i, i % 2 == 0 ? big : big.negate(), i < 20 ? big : BigDecimal.ONE));
        }
        Schema schema = new Schema(List.of(new Field("id", FloeType.INT64), new Field("balanced", wide),
                new Field("huge", wide)));
        DataFrame df = Floe.fromTable(table(schema, values)).withScheduler(pool.scheduler());
        DataFrame split = partitions == 1 ? df : df.repartition(partitions);
        // partial sums pass 38 digits on the way, the final sum is 0: not an error, in any split
        try (Table t = split.agg(sum("balanced").as("s")).compute()) {
            assertEquals(BigDecimal.ZERO, t.get(0, "s"));
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> split.agg(sum("huge").as("s")).compute().close());
        String message = causes(e);
        assertTrue(message.contains("sum(huge)") && message.contains("overflows DECIMAL(38,0)")
                && message.contains("cast the input to DOUBLE"), message);
    }

    // ---------------------------------------------------------------- joins

    static Stream<Arguments> joinStrategies() {
        List<Arguments> cases = new ArrayList<>();
        for (int partitions : new int[] {1, 3, 17}) {
            for (String strategy : new String[] {"broadcast", "shuffle", "grace"}) {
                cases.add(Arguments.of(partitions, strategy));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "partitions={0} {1}")
    @MethodSource("joinStrategies")
    void joinsOnDecimalKeys(int partitions, String strategy) {
        // a dimension keyed by g (DECIMAL(10,2), the long path) and one keyed by w (DECIMAL(38,6))
        Schema dimG = new Schema(List.of(new Field("g", G), new Field("label", FloeType.INT64)));
        List<List<Object>> gRows = new ArrayList<>();
        for (int i = 0; i < G_VALUES.length - 1; i += 2) {     // every other key; NULL never matches
            gRows.add(Arrays.asList(G_VALUES[i], (long) i));
        }
        gRows.add(Arrays.asList(null, 99L));
        Schema dimW = new Schema(List.of(new Field("w", W), new Field("wid", FloeType.INT64)));
        List<List<Object>> wRows = new ArrayList<>();
        Set<BigDecimal> seenW = new HashSet<>();
        for (int i = 0; i < ROWS; i += 2) {
            BigDecimal w = rows.get(i).w();
            if (w != null && seenW.add(w)) {
                wRows.add(Arrays.asList(w, (long) i));
            }
        }
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSpillDirectory(spill);
        o = switch (strategy) {
            case "broadcast" -> o;
            case "shuffle" -> o.withBroadcastThreshold(0).withShufflePartitions(3);
            default -> o.withBroadcastThreshold(0).withShufflePartitions(2).withJoinMemoryBudget(4 << 10);
        };
        DataFrame left = frame(partitions, 8).withOptions(o);
        DataFrame right = Floe.fromTable(table(dimG, gRows)).withOptions(o);
        DataFrame rightW = Floe.fromTable(table(dimW, wRows)).withOptions(o);
        if (!strategy.equals("broadcast")) {      // a one-partition right side is always broadcast
            right = right.repartition(2);
            rightW = rightW.repartition(3);
        }

        Map<BigDecimal, Long> labels = new HashMap<>();
        gRows.stream().filter(r -> r.get(0) != null).forEach(r -> labels.put((BigDecimal) r.get(0), (Long) r.get(1)));
        List<List<Object>> inner = new ArrayList<>();
        List<List<Object>> leftOuter = new ArrayList<>();
        for (Row r : rows) {
            Long label = r.g() == null ? null : labels.get(r.g());
            if (label != null) {
                inner.add(Arrays.asList(r.id(), r.g(), label));
            }
            leftOuter.add(Arrays.asList(r.id(), r.g(), label));
        }
        try (Table t = left.join(right, JoinType.INNER, "g").select("id", "g", "label").compute()) {
            assertEquals(Rows.sorted(inner), Rows.sorted(Rows.of(t)));
        }
        try (Table t = left.join(right, JoinType.LEFT, "g").select("id", "g", "label").compute()) {
            assertEquals(Rows.sorted(leftOuter), Rows.sorted(Rows.of(t)));
        }
        Map<BigDecimal, Long> wids = new HashMap<>();
        wRows.forEach(r -> wids.put((BigDecimal) r.get(0), (Long) r.get(1)));
        List<List<Object>> innerW = new ArrayList<>();
        for (Row r : rows) {
            if (r.w() != null && wids.containsKey(r.w())) {
                innerW.add(Arrays.asList(r.id(), r.w(), wids.get(r.w())));
            }
        }
        try (Table t = left.join(rightW, JoinType.INNER, "w").select("id", "w", "wid").compute()) {
            assertEquals(Rows.sorted(innerW), Rows.sorted(Rows.of(t)));
            if (strategy.equals("grace")) {
                assertTrue(t.metrics().filesSpilled() > 0, "a tiny join budget spills pieces (Arrow IPC)");
            }
        }
    }

    // ---------------------------------------------------------------- sort, distinct, union, persist, head

    static Stream<Arguments> sorts() {
        List<Arguments> cases = new ArrayList<>();
        for (int partitions : new int[] {1, 3, 17}) {
            for (long budget : new long[] {Long.MAX_VALUE / 4, 16L << 10}) {
                cases.add(Arguments.of(partitions, budget));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "partitions={0} budget={1}")
    @MethodSource("sorts")
    void sortsByDecimalsWithNullsFirstAndLast(int partitions, long budget) {
        DataFrame df = frame(partitions, 8);
        df = df.withOptions(df.options().withSortMemoryBudget(budget));
        Comparator<BigDecimal> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        Comparator<BigDecimal> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        List<List<Object>> expected = rows.stream()
                .sorted(Comparator.comparing(Row::a, nullsFirst).thenComparing(Row::id, Comparator.reverseOrder()))
                .map(Row::values).toList();
        try (Table t = df.sort(SortKey.asc("a").nullsFirst(true), SortKey.desc("id")).compute()) {
            assertEquals(expected, Rows.of(t));
            if (budget < 1 << 20 && partitions > 1) {
                assertTrue(t.metrics().filesSpilled() > 0, "a tiny budget spills sorted runs (Arrow IPC)");
            }
        }
        List<List<Object>> byW = rows.stream()
                .sorted(Comparator.comparing(Row::w, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                        .thenComparing(Row::g, nullsLast).thenComparing(Row::id))
                .map(Row::values).toList();
        try (Table t = df.sort(SortKey.desc("w").nullsFirst(false), SortKey.asc("g").nullsFirst(false),
                SortKey.asc("id")).compute()) {
            assertEquals(byW, Rows.of(t));
        }
        // top-k: a sort followed by a limit
        try (Table t = df.sort(SortKey.desc("h").nullsFirst(false), SortKey.asc("id")).limit(25).compute()) {
            List<List<Object>> top = rows.stream()
                    .sorted(Comparator.comparing(Row::h, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                            .thenComparing(Row::id))
                    .limit(25).map(Row::values).toList();
            assertEquals(top, Rows.of(t));
        }
    }

    @ParameterizedTest(name = "partitions={0} splitEvery={1}")
    @MethodSource("partitionsAndSplitEvery")
    void distinctUnionPersistAndHead(int partitions, int splitEvery) {
        DataFrame df = frame(partitions, splitEvery);
        Set<List<Object>> pairs = new HashSet<>();
        rows.forEach(r -> pairs.add(Arrays.asList(r.g(), r.k())));
        try (Table t = df.select("g", "k").distinct().compute()) {
            assertEquals(pairs, new HashSet<>(Rows.of(t)));
            assertEquals(pairs.size(), t.rowCount());
        }
        Set<Object> gs = new HashSet<>(Arrays.asList(G_VALUES));
        try (Table t = df.unique("g").compute()) {
            assertEquals(gs, new HashSet<>(t.column("g")));
        }
        Fold w = fold(r -> 0, Row::w).get(0);
        try (Table t = df.unionAll(df).agg(sum("w").as("s"), countStar().as("n")).compute()) {
            assertEquals(List.of(List.of(w.sum.multiply(BigDecimal.valueOf(2)), 2L * ROWS)), Rows.of(t));
        }
        try (PersistedFrame persisted = df.persist()) {
            assertEquals(ROWS, persisted.rowCount());
            try (Table t = persisted.frame().sort("id").compute()) {
                assertEquals(rows.stream().map(Row::values).toList(), Rows.of(t));
            }
        }
        try (Table t = df.head(5)) {
            assertEquals(rows.subList(0, 5).stream().map(Row::values).toList(), Rows.of(t));
        }
    }

    // ---------------------------------------------------------------- what a person sees

    @Test
    void showPrintsEveryDigitAndDescribeReadsDecimals() {
        List<List<Object>> values = List.of(
                Arrays.asList(1L, new BigDecimal("-12.30"), 0L, new BigDecimal("0.001"), BigDecimal.ONE,
                        new BigDecimal("12345678901234567890123456789012.000001")),
                Arrays.asList(2L, null, 0L, null, null, null));
        Table small = table(SCHEMA, values);
        String text = small.toString();
        assertTrue(text.contains("decimal(10,2)") && text.contains("decimal(38,6)"), text);
        assertTrue(text.contains("-12.30") && text.contains("0.001")
                && text.contains("12345678901234567890123456789012.000001") && text.contains("NULL"), text);
        StringBuilder csv = new StringBuilder();
        TableFormatter.csv(small, csv);
        assertTrue(csv.toString().contains("1,-12.30,0,0.001,1,12345678901234567890123456789012.000001\n"), csv.toString());

        DataFrame df = frame(3, 8);
        Fold a = fold(r -> 0, Row::a).get(0);
        try (Table d = df.describe()) {
            Map<String, Integer> stat = new HashMap<>();
            for (int r = 0; r < d.rowCount(); r++) {
                stat.put((String) d.get(r, "statistic"), r);
            }
            assertEquals((double) a.count, d.get(stat.get("count"), "a"));
            assertEquals(a.mean(), d.get(stat.get("mean"), "a"));
            assertClose(Math.sqrt(a.variance()), (Double) d.get(stat.get("std"), "a"), 1e-9, "std");
            assertEquals(a.min.doubleValue(), d.get(stat.get("min"), "a"));
            assertEquals(a.max.doubleValue(), d.get(stat.get("max"), "a"));
            List<BigDecimal> sorted = rows.stream().map(Row::a).filter(Objects::nonNull).sorted().toList();
            double median = sorted.get(sorted.size() / 2).doubleValue();
            double spread = a.max.subtract(a.min).doubleValue();
            assertClose(median, (Double) d.get(stat.get("50%"), "a"), spread / Math.abs(median) * 0.01, "median");
        }
    }

    private static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
