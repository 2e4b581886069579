package dev.floe.dataframe;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * UNION ALL of columns, and joins on keys, of different numeric types: each pair is brought to its
 * common type (DuckDB's rules) — DECIMAL(2,1) with DECIMAL(3,1), DOUBLE with DECIMAL, BIGINT with
 * DECIMAL, BIGINT with DOUBLE, an untyped NULL with anything — against a BigDecimal oracle (unions) and
 * plain nested loops (joins), broadcast and shuffled; types with no common one stay a clear error.
 *
 * <p>Left rows ({@code ROWS}): {@code id} BIGINT, {@code d} DECIMAL(10,2), {@code b} BIGINT, {@code x}
 * DOUBLE, {@code s} VARCHAR, each from a few values (NULLs among them) so that keys repeat. Right rows
 * (a dimension): {@code e} DECIMAL(12,3), {@code rb} BIGINT, {@code rx} DOUBLE, {@code label} BIGINT.
 */
class TypeWideningTest {
    private static final int ROWS = 1_500;
    private static final FloeType D = FloeType.decimal(10, 2);
    private static final FloeType E = FloeType.decimal(12, 3);
    private static final Schema LEFT = new Schema(List.of(new Field("id", FloeType.INT64), new Field("d", D),
            new Field("b", FloeType.INT64), new Field("x", FloeType.FLOAT64), new Field("s", FloeType.STRING)));
    private static final Schema RIGHT = new Schema(List.of(new Field("e", E), new Field("rb", FloeType.INT64),
            new Field("rx", FloeType.FLOAT64), new Field("label", FloeType.INT64)));
    private static final BigDecimal[] D_VALUES = {dec("-1.50"), dec("0.00"), dec("0.10"), dec("2.25"), dec("3.00"),
        dec("12345678.90"), dec("-99999999.99"), null};
    private static final Long[] B_VALUES = {-2L, 0L, 3L, 7L, 1_000_000_007L, null};
    private static final Double[] X_VALUES = {-1.5, 0.1, 2.25, 3.0, 0.3, 1e300, null};

    private static List<List<Object>> leftRows;
    private static List<List<Object>> rightRows;

    @RegisterExtension
    static final TestPool pool = new TestPool();
    private final List<Table> tables = new ArrayList<>();
    @TempDir
    Path spill;

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @BeforeAll
    static void generate() {
        Random random = new Random(5);
        leftRows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            leftRows.add(Arrays.asList((long) i, D_VALUES[random.nextInt(D_VALUES.length)],
                    B_VALUES[random.nextInt(B_VALUES.length)], X_VALUES[random.nextInt(X_VALUES.length)], "s" + i % 7));
        }
        // e: some d values at scale 3 (match), some with a third decimal (never match a DECIMAL(10,2)),
        // a duplicate (two matches) and NULL; rb, rx: values some b, d and x have, and some none has
        rightRows = new ArrayList<>();
        String[] es = {"-1.500", "0.100", "2.250", "2.250", "2.251", "12345678.900", "3.000", null};
        Long[] rbs = {-2L, 3L, 3L, 0L, 42L, 1_000_000_007L, null, 12345679L};
        Double[] rxs = {-1.5, 0.1, 3.0, 2.25, 0.30000000000000004, 0.3, null, 1e300};
        for (int i = 0; i < es.length; i++) {
            rightRows.add(Arrays.asList(es[i] == null ? null : dec(es[i]), rbs[i], rxs[i], 100L + i));
        }
    }

    @AfterEach
    void closeTables() {
        tables.forEach(Table::close);
        FloeAssertions.assertNoSpillFiles(spill);
    }

    /** A table owned by this test (closed after it) of {@code schema} holding {@code values}. */
    private Table table(Schema schema, List<List<Object>> values) {
        Table t = Rows.table(schema, values, "widening-test-" + tables.size());
        tables.add(t);
        return t;
    }

    private DataFrame left(int partitions) {
        DataFrame df = Floe.fromTable(table(LEFT, leftRows)).withScheduler(pool.scheduler());
        return partitions == 1 ? df : df.repartition(partitions);
    }

    private static List<Object> column(List<List<Object>> rows, int index, Function<Object, Object> f) {
        return rows.stream().map(r -> r.get(index) == null ? null : f.apply(r.get(index))).toList();
    }

    // ---------------------------------------------------------------- UNION ALL

    /** {@code a} UNION ALL {@code b} as one column: its type, and its values in order (one partition each side). */
    private void assertUnion(DataFrame a, DataFrame b, FloeType type, List<Object> expected) {
        DataFrame u = a.unionAll(b);
        assertEquals(List.of(new Field(a.columns().get(0), type)), u.schema().fields());
        try (Table t = u.compute()) {
            assertEquals(type, t.schema().field(0).type());
            List<Object> got = Rows.of(t).stream().map(r -> r.get(0)).toList();
            assertEquals(expected.size(), got.size());
            assertEquals(expected, got);
        }
    }

    @Test
    void unionOfDecimalsOfDifferentPrecisionIsTheWiderDecimal() {
        // SELECT 1.5 AS v UNION ALL SELECT 10.5: DECIMAL(2,1) and DECIMAL(3,1) give DECIMAL(3,1)
        Schema s21 = new Schema(List.of(new Field("v", FloeType.decimal(2, 1))));
        Schema s31 = new Schema(List.of(new Field("w", FloeType.decimal(3, 1))));
        List<List<Object>> a = List.of(List.of(dec("1.5")), Arrays.asList((Object) null), List.of(dec("-9.9")));
        List<List<Object>> b = List.of(List.of(dec("10.5")), List.of(dec("-99.9")));
        List<Object> expected = new ArrayList<>();
        expected.addAll(column(a, 0, v -> v));
        expected.addAll(column(b, 0, v -> v));
        assertUnion(Floe.fromTable(table(s21, a)).withScheduler(pool.scheduler()), Floe.fromTable(table(s31, b)),
                FloeType.decimal(3, 1), expected);
        // the other way round, and DECIMAL(10,2) with DECIMAL(12,3): DECIMAL(12,3) holds both
        List<Object> reversed = new ArrayList<>(column(b, 0, v -> v));
        reversed.addAll(column(a, 0, v -> v));
        assertUnion(Floe.fromTable(table(s31, b)).withScheduler(pool.scheduler()), Floe.fromTable(table(s21, a)),
                FloeType.decimal(3, 1), reversed);
        List<Object> de = new ArrayList<>(column(leftRows, 1, v -> ((BigDecimal) v).setScale(3)));
        de.addAll(column(rightRows, 0, v -> v));
        assertUnion(left(1).select("d"), Floe.fromTable(table(RIGHT, rightRows)).select("e"), E, de);
    }

    @Test
    void unionOfDoubleAndDecimalIsDouble() {
        List<Object> expected = new ArrayList<>(column(leftRows, 3, v -> v));
        expected.addAll(column(leftRows, 1, v -> ((BigDecimal) v).doubleValue()));
        assertUnion(left(1).select("x"), left(1).select("d"), FloeType.FLOAT64, expected);
        List<Object> reversed = new ArrayList<>(column(leftRows, 1, v -> ((BigDecimal) v).doubleValue()));
        reversed.addAll(column(leftRows, 3, v -> v));
        assertUnion(left(1).select("d"), left(1).select("x"), FloeType.FLOAT64, reversed);
    }

    @Test
    void unionOfBigintAndDecimalIsADecimalHoldingBoth() {
        FloeType wide = FloeType.decimal(21, 2);      // BIGINT as DECIMAL(19,0) with DECIMAL(10,2)
        List<Object> expected = new ArrayList<>(column(leftRows, 2, v -> BigDecimal.valueOf((Long) v).setScale(2)));
        expected.addAll(column(leftRows, 1, v -> v));
        assertUnion(left(1).select("b"), left(1).select("d"), wide, expected);
    }

    @Test
    void anUntypedNullColumnTakesTheOtherSidesType() {
        // SELECT d UNION ALL SELECT NULL: DECIMAL(10,2), not the DECIMAL(21,2) a BIGINT NULL would give
        DataFrame nulls = left(1).select(col("id"), lit(null).as("n")).filter(col("id").lt(lit(3L))).select("n");
        List<Object> expected = new ArrayList<>(column(leftRows, 1, v -> v));
        expected.addAll(Arrays.asList(null, null, null));
        assertUnion(left(1).select("d"), nulls, D, expected);
        List<Object> reversed = new ArrayList<>(Arrays.asList(null, null, null));
        reversed.addAll(column(leftRows, 4, v -> v));
        assertUnion(nulls, left(1).select("s"), FloeType.STRING, reversed);
        // NULL UNION ALL NULL stays NULL-typed, and meets a DECIMAL as one
        List<Object> six = new ArrayList<>(Arrays.asList(null, null, null, null, null, null));
        six.addAll(column(leftRows, 1, v -> v));
        assertUnion(nulls.unionAll(nulls), left(1).select("d"), D, six);
    }

    @ParameterizedTest(name = "partitions={0}")
    @CsvSource({"1", "3"})
    void unionOfSeveralColumnsCastsTheColumnsThatDifferAndKeepsTheLeftNames(int partitions) {
        DataFrame a = left(partitions).select("id", "d", "x", "s");
        DataFrame b = left(partitions).select(col("d").as("dd"), col("b").as("bb"), col("d").as("xd"), col("s").as("ss"));
        DataFrame u = a.unionAll(b);
        FloeType wide = FloeType.decimal(21, 2);
        assertEquals(new Schema(List.of(new Field("id", wide), new Field("d", wide), new Field("x", FloeType.FLOAT64),
                new Field("s", FloeType.STRING))), u.schema());
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : leftRows) {
            BigDecimal d = (BigDecimal) r.get(1);
            Long bv = (Long) r.get(2);
            expected.add(Arrays.asList(BigDecimal.valueOf((Long) r.get(0)).setScale(2), d, r.get(3), r.get(4)));
            expected.add(Arrays.asList(d, bv == null ? null : BigDecimal.valueOf(bv).setScale(2),
                    d == null ? null : d.doubleValue(), r.get(4)));
        }
        try (Table t = u.compute()) {
            assertEquals(Rows.sorted(expected), Rows.sorted(Rows.of(t)));
        }
    }

    @Test
    void unionOfTypesWithNoCommonOneNamesBoth() {
        PlanException e = assertThrows(PlanException.class, () -> left(1).select("s").unionAll(left(1).select("b")));
        assertTrue(e.getMessage().contains("UNION ALL column 1 is s VARCHAR on the left but b BIGINT on the right")
                && e.getMessage().contains("cast one side"), e.getMessage());
        PlanException n = assertThrows(PlanException.class, () -> left(1).select("s", "b").unionAll(left(1).select("s")));
        assertTrue(n.getMessage().contains("the same number of columns"), n.getMessage());
    }

    // ---------------------------------------------------------------- joins

    /** How a left key value (column {@code leftIndex}) and a right one compare in the common type. */
    private record KeyPair(String leftKey, int leftIndex, String rightKey, int rightIndex,
            BiPredicate<Object, Object> equal) {
    }

    private static double asDouble(Object v) {
        return v instanceof BigDecimal d ? d.doubleValue() : ((Number) v).doubleValue();
    }

    private static BigDecimal asBig(Object v) {
        return v instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) v);
    }

    private static KeyPair pair(String name) {
        return switch (name) {
            // DECIMAL(10,2) = DECIMAL(12,3): as DECIMAL(12,3), exactly
            case "decimal-decimal" -> new KeyPair("d", 1, "e", 0, (a, b) -> asBig(a).compareTo(asBig(b)) == 0);
            // DECIMAL(10,2) = BIGINT: as DECIMAL(21,2), exactly
            case "decimal-bigint" -> new KeyPair("d", 1, "rb", 1, (a, b) -> asBig(a).compareTo(asBig(b)) == 0);
            case "bigint-decimal" -> new KeyPair("b", 2, "e", 0, (a, b) -> asBig(a).compareTo(asBig(b)) == 0);
            // DECIMAL = DOUBLE and BIGINT = DOUBLE: as DOUBLE (0.10 meets 0.1, not 0.30000000000000004)
            case "decimal-double" -> new KeyPair("d", 1, "rx", 2, (a, b) -> asDouble(a) == asDouble(b));
            case "bigint-double" -> new KeyPair("b", 2, "rx", 2, (a, b) -> asDouble(a) == asDouble(b));
            case "double-bigint" -> new KeyPair("x", 3, "rb", 1, (a, b) -> asDouble(a) == asDouble(b));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The join by nested loops over the rows: left columns, then (INNER, LEFT) the right ones. */
    private static List<List<Object>> nestedLoops(KeyPair k, JoinType type) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> l : leftRows) {
            List<List<Object>> matches = new ArrayList<>();
            for (List<Object> r : rightRows) {
                Object a = l.get(k.leftIndex());
                Object b = r.get(k.rightIndex());
                if (a != null && b != null && k.equal().test(a, b)) {
                    matches.add(r);
                }
            }
            switch (type) {
                case INNER -> matches.forEach(r -> out.add(concat(l, r)));
                case LEFT -> {
                    if (matches.isEmpty()) {
                        out.add(concat(l, Arrays.asList(null, null, null, null)));
                    }
                    matches.forEach(r -> out.add(concat(l, r)));
                }
                case SEMI -> {
                    if (!matches.isEmpty()) {
                        out.add(l);
                    }
                }
                case ANTI -> {
                    if (matches.isEmpty()) {
                        out.add(l);
                    }
                }
            }
        }
        return Rows.sorted(out);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> row = new ArrayList<>(a);
        row.addAll(b);
        return row;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "decimal-decimal, broadcast, INNER", "decimal-decimal, shuffle, INNER", "decimal-decimal, broadcast, LEFT",
        "decimal-decimal, shuffle, LEFT", "decimal-decimal, broadcast, SEMI", "decimal-decimal, shuffle, ANTI",
        "decimal-bigint, broadcast, INNER", "decimal-bigint, shuffle, LEFT", "bigint-decimal, shuffle, INNER",
        "decimal-double, broadcast, INNER", "decimal-double, shuffle, SEMI",
        "bigint-double, broadcast, LEFT", "bigint-double, shuffle, INNER", "double-bigint, shuffle, ANTI"})
    void joinsOnKeysOfDifferentTypesCompareThemAsTheCommonType(String keys, String strategy, JoinType type) {
        KeyPair k = pair(keys);
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler());
        if (strategy.equals("shuffle")) {
            o = o.withBroadcastThreshold(0).withShufflePartitions(3);
        }
        DataFrame l = left(3).withOptions(o);
        DataFrame r = Floe.fromTable(table(RIGHT, rightRows)).withOptions(o);
        if (strategy.equals("shuffle")) {        // a one-partition right side is always broadcast
            r = r.repartition(2);
        }
        DataFrame joined = l.join(r, List.of(col(k.leftKey())), List.of(col(k.rightKey())), type);
        assertTrue(joined.explain().contains(strategy.equals("shuffle") ? "shuffle" : "build"), joined.explain());
        List<Field> fields = new ArrayList<>(LEFT.fields());
        if (type == JoinType.INNER || type == JoinType.LEFT) {
            fields.addAll(RIGHT.fields());      // the output columns keep their own types
        }
        assertEquals(new Schema(fields), joined.schema());
        List<List<Object>> expected = nestedLoops(k, type);
        if (type == JoinType.INNER) {
            assertTrue(!expected.isEmpty(), "the fixture has matches for " + keys);
        }
        try (Table t = joined.compute()) {
            assertEquals(expected, Rows.sorted(Rows.of(t)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"broadcast", "shuffle"})
    void aJoinOnANameBothSidesHaveWithDifferentTypesKeepsTheLeftColumn(String strategy) {
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler());
        if (strategy.equals("shuffle")) {
            o = o.withBroadcastThreshold(0).withShufflePartitions(3);
        }
        DataFrame l = left(3).withOptions(o);
        DataFrame r = Floe.fromTable(table(RIGHT, rightRows)).withOptions(o).select(col("e").as("d"), col("label"));
        if (strategy.equals("shuffle")) {
            r = r.repartition(2);
        }
        DataFrame joined = l.join(r, JoinType.INNER, "d");
        assertEquals(new Schema(List.of(new Field("id", FloeType.INT64), new Field("d", D), new Field("b", FloeType.INT64),
                new Field("x", FloeType.FLOAT64), new Field("s", FloeType.STRING), new Field("label", FloeType.INT64))),
                joined.schema());
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : nestedLoops(pair("decimal-decimal"), JoinType.INNER)) {
            expected.add(concat(row.subList(0, 5), List.of(row.get(8))));
        }
        try (Table t = joined.compute()) {
            assertEquals(Rows.sorted(expected), Rows.sorted(Rows.of(t)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SEMI", "ANTI", "INNER"})
    void aGraceJoinThatSpillsWidensTheKeysToo(JoinType type) {
        // DECIMAL(10,2) d = BIGINT b over all left rows on each side, under a 4 KiB join budget
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSpillDirectory(spill)
                .withBroadcastThreshold(0).withShufflePartitions(2).withJoinMemoryBudget(4 << 10);
        DataFrame l = left(3).withOptions(o).select("id", "d");
        DataFrame r = left(2).withOptions(o).select(col("b"), col("id").as("rid"));
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> a : leftRows) {
            List<Object> matches = new ArrayList<>();
            for (List<Object> b : leftRows) {
                if (a.get(1) != null && b.get(2) != null && asBig(a.get(1)).compareTo(asBig(b.get(2))) == 0) {
                    matches.add(b.get(0));
                }
            }
            switch (type) {
                case SEMI -> {
                    if (!matches.isEmpty()) {
                        expected.add(List.of(a.get(0)));
                    }
                }
                case ANTI -> {
                    if (matches.isEmpty()) {
                        expected.add(List.of(a.get(0)));
                    }
                }
                default -> expected.add(Arrays.asList(a.get(0), (long) matches.size()));
            }
        }
        DataFrame joined = l.join(r, List.of(col("d")), List.of(col("b")), type);
        DataFrame result = type == JoinType.INNER ? joined.groupBy("id").agg(countStar().as("n")) : joined.select("id");
        if (type == JoinType.INNER) {
            expected.removeIf(row -> (Long) row.get(1) == 0);
        }
        try (Table t = result.compute()) {
            assertEquals(Rows.sorted(expected), Rows.sorted(Rows.of(t)));
            assertTrue(t.metrics().filesSpilled() > 0, "a tiny join budget spills pieces");
        }
    }

    @Test
    void joinKeysWithNoCommonTypeAreAnErrorNamingBoth() {
        DataFrame r = Floe.fromTable(table(RIGHT, rightRows));
        PlanException e = assertThrows(PlanException.class,
                () -> left(1).join(r, List.of(col("s")), List.of(col("rb")), JoinType.INNER).schema());
        assertTrue(e.getMessage().contains("join key s is VARCHAR but rb is BIGINT")
                && e.getMessage().contains("no common type") && e.getMessage().contains("cast one of them"),
                e.getMessage());
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
