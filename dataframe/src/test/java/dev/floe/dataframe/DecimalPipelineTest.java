package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertClose;
import static dev.floe.dataframe.FloeAssertions.assertNoSpillFiles;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.abs;
import static dev.floe.expressions.Expressions.coalesce;
import static dev.floe.expressions.Expressions.ceil;
import static dev.floe.expressions.Expressions.count;
import static dev.floe.expressions.Expressions.first;
import static dev.floe.expressions.Expressions.floor;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.max;
import static dev.floe.expressions.Expressions.mean;
import static dev.floe.expressions.Expressions.min;
import static dev.floe.expressions.Expressions.nunique;
import static dev.floe.expressions.Expressions.round;
import static dev.floe.expressions.Expressions.sum;
import static dev.floe.expressions.Expressions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.io.CsvOptions;
import dev.floe.io.Reject;
import dev.floe.testdata.CsvFixtures;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DECIMAL through the whole Java API, from CSV text to CSV text: seeded shards of order lines are read with
 * declared DECIMAL types and with {@code DecimalMode.DECIMAL} inference, filtered by exact decimal
 * comparisons, extended with {@code price * qty}, {@code price + rate} and casts, grouped, sorted, joined
 * on a decimal key, made distinct, cut by head, written as CSV and read back; every answer is compared
 * with a plain single-threaded BigDecimal loop over the generated rows. Parametrised over the CSV block
 * size (64 bytes, so that almost every record is its own partition; 2 KB; the whole file) and
 * {@code splitEvery} (2, 8).
 *
 * <p>Columns: {@code id} BIGINT, {@code customer} VARCHAR, {@code price} two decimals (refunds below zero,
 * a few values past 10^16 so that sums leave the long, some empty = NULL, some at 100.05 exactly),
 * {@code qty} BIGINT, {@code rate} six decimals (some NULL).
 *
 * <p>Smaller files of their own cover the rest of the way in: odd decimal texts (signs, quotes, exponents,
 * zeros past the scale), quoted values and NULL texts under inference, integers past BIGINT, and values that
 * do not fit the declared type (an error naming the record, or rejects under ignore_errors). Every test
 * leaves no Arrow memory ({@link TestPool}) and no spill file behind.
 */
class DecimalPipelineTest {
    private static final int SHARDS = 3;
    private static final int ROWS_PER_SHARD = 80;
    private static final FloeType PRICE = FloeType.decimal(20, 2);
    private static final FloeType RATE = FloeType.decimal(9, 6);
    private static final FloeType BIGINT_AS_DECIMAL = FloeType.decimal(19, 0);
    private static final BigDecimal THRESHOLD = new BigDecimal("100.05");

    /** One generated order line, as the engine's {@code Values.get} gives it (BigDecimal at its column's scale). */
    record Order(long id, String customer, BigDecimal price, long qty, BigDecimal rate) {
        List<Object> values() {
            return Arrays.asList(id, customer, price, qty, rate);
        }

        BigDecimal line() {
            return price == null ? null : price.multiply(BigDecimal.valueOf(qty));
        }

        BigDecimal adjusted() {
            return price == null || rate == null ? null : price.add(rate);
        }
    }

    @TempDir
    static Path input;
    private static List<Order> orders;
    private static List<BigDecimal> specials;

    @RegisterExtension
    static final TestPool pool = new TestPool();
    @TempDir
    Path spill;
    @TempDir
    Path output;

    @BeforeAll
    static void generate() {
        Random random = new Random(20261203);
        orders = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            StringBuilder csv = new StringBuilder("id,customer,price,qty,rate\n");
            for (int i = 0; i < ROWS_PER_SHARD; i++) {
                Order o = new Order(orders.size(), "c" + random.nextInt(7), price(random), 1 + random.nextInt(20),
                        random.nextInt(30) == 0 ? null : BigDecimal.valueOf(random.nextInt(2_000_000) - 500_000, 6));
                orders.add(o);
                csv.append(o.id()).append(',').append(o.customer()).append(',').append(text(o.price())).append(',')
                        .append(o.qty()).append(',').append(text(o.rate())).append('\n');
            }
            CsvFixtures.writeFile(input.resolve("orders"), String.format("part-%02d.csv", shard), csv.toString());
        }
        for (String edge : new String[] {"100.04", "100.05", "100.06"}) {
            assertTrue(orders.stream().anyMatch(o -> new BigDecimal(edge).equals(o.price())), "no price " + edge);
        }
        assertTrue(orders.stream().anyMatch(o -> o.price() == null) && orders.stream().anyMatch(o -> o.rate() == null));
        // ties for the casts to BIGINT and to one decimal, on both sides of zero
        for (String tie : new String[] {"0.50", "0.05"}) {
            BigDecimal t = new BigDecimal(tie);
            assertTrue(orders.stream().anyMatch(o -> o.price() != null && o.price().signum() < 0
                    && o.price().remainder(t.multiply(BigDecimal.valueOf(2))).abs().equals(t)), "no negative tie " + tie);
            assertTrue(orders.stream().anyMatch(o -> o.price() != null && o.price().signum() > 0
                    && o.price().remainder(t.multiply(BigDecimal.valueOf(2))).abs().equals(t)), "no positive tie " + tie);
        }
        // the join's right side: every third distinct price, one price no order has, and a NULL key
        Set<BigDecimal> seen = new HashSet<>();
        specials = new ArrayList<>();
        for (Order o : orders) {
            if (o.price() != null && seen.add(o.price()) && seen.size() % 3 == 0) {
                specials.add(o.price());
            }
        }
        BigDecimal absent = new BigDecimal("-77777.77");
        assertTrue(!seen.contains(absent));
        specials.add(absent);
        StringBuilder csv = new StringBuilder("price,label\n");
        for (int i = 0; i < specials.size(); i++) {
            csv.append(specials.get(i).toPlainString()).append(",s").append(i).append('\n');
        }
        csv.append(",null-key\n");
        specials.add(null);
        CsvFixtures.writeFile(input.resolve("specials"), "specials.csv", csv.toString());
    }

    /**
     * A price: 5% NULL, 10% refunds (half of them ties of a rounding), 5% positive ties, 5% past 10^16 (either
     * sign), 5% at the filter's edge, else 0.00..999.99.
     */
    private static BigDecimal price(Random random) {
        int kind = random.nextInt(20);
        return switch (kind) {
            case 0 -> null;
            case 1 -> BigDecimal.valueOf(-1 - random.nextInt(50_000), 2);
            case 2, 5 -> tie(random).multiply(BigDecimal.valueOf(kind == 2 ? -1 : 1));
            case 3 -> BigDecimal.valueOf((random.nextBoolean() ? 1 : -1)
                    * (1_000_000_000_000_000_000L + (long) (random.nextDouble() * 4_000_000_000_000_000_000L)), 2)
                    .multiply(BigDecimal.TEN.pow(random.nextInt(2))).setScale(2);
            case 4 -> THRESHOLD.add(BigDecimal.valueOf(random.nextInt(3) - 1, 2));
            default -> BigDecimal.valueOf(random.nextInt(100_000), 2);
        };
    }

    /** A tie of the casts to BIGINT ({@code k.50}) or to one decimal ({@code k.x5}). */
    private static BigDecimal tie(Random random) {
        return BigDecimal.valueOf(random.nextBoolean() ? 50 + 100L * random.nextInt(500) : 5 + 10L * random.nextInt(5_000), 2);
    }

    private static String text(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    @AfterEach
    void noSpillFilesLeft() {
        assertNoSpillFiles(spill);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String mode : new String[] {"declared", "inferred"}) {
            for (long block : new long[] {64, 2048, CsvOptions.DEFAULT_BLOCK_SIZE}) {
                for (int splitEvery : new int[] {2, 8}) {
                    cases.add(Arguments.of(mode, block, splitEvery));
                }
            }
        }
        return cases.stream();
    }

    /** For what has no aggregation, where splitEvery changes nothing: the modes and block sizes only. */
    static Stream<Arguments> withoutAggregation() {
        return cases().filter(a -> (int) a.get()[2] == 8);
    }

    private CsvOptions csvOptions(String mode, long block) {
        CsvOptions o = CsvOptions.defaults().withBlockSize(block);
        return mode.equals("declared")
                ? o.withTypes(Map.of("price", PRICE, "rate", RATE))
                : o.withDecimals(CsvOptions.DecimalMode.DECIMAL);
    }

    private ExecutionOptions executionOptions(int splitEvery) {
        return ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSpillDirectory(spill)
                .withSplitEvery(splitEvery);
    }

    private DataFrame orders(String mode, long block, int splitEvery) {
        return Floe.readCsv(input.resolve("orders/*.csv").toString(), csvOptions(mode, block))
                .withOptions(executionOptions(splitEvery));
    }

    /** The types the frame must have: declared, or DECIMAL(38, digits after the point) when inferred. */
    private static FloeType priceType(String mode) {
        return mode.equals("declared") ? PRICE : FloeType.decimal(38, 2);
    }

    private static FloeType rateType(String mode) {
        return mode.equals("declared") ? RATE : FloeType.decimal(38, 6);
    }

    // ---------------------------------------------------------------- COMMON.md's result types

    private static FloeType plusType(FloeType a, FloeType b) {
        int scale = Math.max(a.scale(), b.scale());
        int integers = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return FloeType.decimal(Math.min(38, scale + integers + 1), scale);
    }

    private static FloeType timesType(FloeType a, FloeType b) {
        return FloeType.decimal(Math.min(38, a.precision() + b.precision()), a.scale() + b.scale());
    }

    private static Map<String, FloeType> types(Schema schema) {
        Map<String, FloeType> types = new LinkedHashMap<>();
        schema.fields().forEach(f -> types.put(f.name(), f.type()));
        return types;
    }

    private static List<List<Object>> oracle(Predicate<Order> keep) {
        return orders.stream().filter(keep).map(Order::values).toList();
    }

    // ---------------------------------------------------------------- reading and filtering

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("withoutAggregation")
    void readsAndFiltersExactly(String mode, long block, int splitEvery) {
        DataFrame df = orders(mode, block, splitEvery);
        assertEquals(new Schema(List.of(new Field("id", FloeType.INT64), new Field("customer", FloeType.STRING),
                new Field("price", priceType(mode)), new Field("qty", FloeType.INT64), new Field("rate", rateType(mode)))),
                df.schema());
        if (block == 64) {
            assertTrue(df.npartitions() > SHARDS * 30, "64-byte blocks split every shard: " + df.npartitions());
        }
        try (Table t = df.compute()) {
            assertEquals(oracle(o -> true), Rows.of(t));
        }
        // price > 100.05: 100.05 itself is out, 100.06 in; the same bound at scale 3 and as a BIGINT literal
        try (Table t = df.filter(col("price").gt(lit(THRESHOLD))).compute()) {
            assertEquals(oracle(o -> o.price() != null && o.price().compareTo(THRESHOLD) > 0), Rows.of(t));
        }
        try (Table t = df.filter(col("price").ge(lit(new BigDecimal("100.050")))
                .and(col("rate").lt(lit(new BigDecimal("0.25"))))).compute()) {
            assertEquals(oracle(o -> o.price() != null && o.price().compareTo(THRESHOLD) >= 0
                    && o.rate() != null && o.rate().compareTo(new BigDecimal("0.25")) < 0), Rows.of(t));
        }
        try (Table t = df.filter(col("price").lt(lit(0)).or(col("price").eq(lit(THRESHOLD)))).compute()) {
            assertEquals(oracle(o -> o.price() != null && (o.price().signum() < 0 || o.price().equals(THRESHOLD))),
                    Rows.of(t));
        }
        try (Table t = df.filter(col("price").isNull()).compute()) {
            assertEquals(oracle(o -> o.price() == null), Rows.of(t));
        }
        assertEquals(orders.stream().filter(o -> o.price() != null && o.price().abs().compareTo(BigDecimal.TEN.pow(16)) > 0).count(),
                df.filter(col("price").gt(lit(new BigDecimal("10000000000000000.00")))
                        .or(col("price").lt(lit(new BigDecimal("-10000000000000000"))))).count(),
                "prices past 10^16");
    }

    // ---------------------------------------------------------------- arithmetic and casts, then CSV and back

    /** The derived frame: products, sums across scales and casts of the price. */
    private static DataFrame derived(DataFrame df) {
        return df.withColumn("line", col("price").mul(col("qty")))
                .withColumn("adjusted", col("price").add(col("rate")))
                .withColumn("as_double", col("price").cast(FloeType.FLOAT64))
                .withColumn("as_bigint", col("price").cast(FloeType.INT64))
                .withColumn("as_text", col("price").cast(FloeType.STRING));
    }

    private static List<List<Object>> derivedOracle() {
        List<List<Object>> rows = new ArrayList<>();
        for (Order o : orders) {
            List<Object> row = new ArrayList<>(o.values());
            BigDecimal p = o.price();
            row.add(o.line());
            row.add(o.adjusted());
            row.add(p == null ? null : Double.parseDouble(p.toString()));          // the nearest double
            row.add(p == null ? null : p.setScale(0, RoundingMode.HALF_UP).longValueExact()); // half away from 0
            row.add(p == null ? null : p.toPlainString());
            rows.add(row);
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("withoutAggregation")
    void arithmeticAndCastsSurviveACsvRoundTrip(String mode, long block, int splitEvery) throws IOException {
        DataFrame df = derived(orders(mode, block, splitEvery));
        Map<String, FloeType> types = types(df.schema());
        assertEquals(timesType(priceType(mode), BIGINT_AS_DECIMAL), types.get("line"));
        assertEquals(FloeType.decimal(38, 2), types.get("line"));
        assertEquals(plusType(priceType(mode), rateType(mode)), types.get("adjusted"));
        assertEquals(FloeType.FLOAT64, types.get("as_double"));
        assertEquals(FloeType.INT64, types.get("as_bigint"));
        assertEquals(FloeType.STRING, types.get("as_text"));

        List<List<Object>> expected = derivedOracle();
        try (Table t = df.compute()) {
            assertEquals(expected, Rows.of(t));
        }
        Path out = output.resolve("derived");
        assertEquals(orders.size(), df.writeCsv(out.toString()));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("_SUCCESS")));
        }
        // read back (one partition per part file) with the same types, and with the decimals inferred again
        DataFrame back = Floe.readCsv(out.resolve("part-*.csv").toString(), csvOptions("declared", CsvOptions.DEFAULT_BLOCK_SIZE).withTypes(types))
                .withOptions(executionOptions(splitEvery));
        assertEquals(df.schema(), back.schema());
        try (Table t = back.compute()) {
            assertEquals(expected, Rows.of(t));
        }
        DataFrame inferred = Floe.readCsv(out.resolve("part-*.csv").toString(), csvOptions("inferred", CsvOptions.DEFAULT_BLOCK_SIZE)
                .withTypes(Map.of("as_text", FloeType.STRING))).withOptions(executionOptions(splitEvery));
        assertEquals(FloeType.decimal(38, 2), inferred.schema().field(inferred.schema().indexOf("line")).type());
        assertEquals(FloeType.decimal(38, 6), inferred.schema().field(inferred.schema().indexOf("adjusted")).type());
        try (Table t = inferred.select("id", "price", "line", "adjusted", "as_text").compute()) {
            List<List<Object>> cut = expected.stream().map(r -> Arrays.asList(r.get(0), r.get(2), r.get(5), r.get(6), r.get(9)))
                    .toList();
            assertEquals(cut, Rows.of(t));
        }
    }

    // ---------------------------------------------------------------- aggregation

    /** Per customer: the aggregates of one decimal column, folded row by row in BigDecimal. */
    static final class Fold {
        BigDecimal sum;
        BigDecimal min;
        BigDecimal max;
        long count;
        long rows;

        void add(BigDecimal x) {
            rows++;
            if (x == null) {
                return;
            }
            sum = sum == null ? x : sum.add(x);
            min = min == null || x.compareTo(min) < 0 ? x : min;
            max = max == null || x.compareTo(max) > 0 ? x : max;
            count++;
        }

        Double mean() {
            return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
        }
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("cases")
    void groupsByCustomerExactly(String mode, long block, int splitEvery) {
        DataFrame df = derived(orders(mode, block, splitEvery));
        Map<String, Fold> price = new TreeMap<>();
        Map<String, Fold> line = new TreeMap<>();
        Map<String, Fold> adjusted = new TreeMap<>();
        for (Order o : orders) {
            price.computeIfAbsent(o.customer(), k -> new Fold()).add(o.price());
            line.computeIfAbsent(o.customer(), k -> new Fold()).add(o.line());
            adjusted.computeIfAbsent(o.customer(), k -> new Fold()).add(o.adjusted());
        }
        assertTrue(price.values().stream().anyMatch(f -> f.sum.abs().unscaledValue().bitLength() > 63),
                "some customer's sum of prices leaves the long");
        DataFrame grouped = df.groupBy("customer").agg(sum("price").as("sum_price"), min("price").as("min_price"),
                max("price").as("max_price"), mean("price").as("avg_price"), count("price").as("n_price"),
                countStar().as("n"), sum("line").as("sum_line"), max("line").as("max_line"),
                sum("adjusted").as("sum_adjusted"), min("adjusted").as("min_adjusted"));
        Map<String, FloeType> types = types(grouped.schema());
        assertEquals(FloeType.decimal(38, 2), types.get("sum_price"));
        assertEquals(priceType(mode), types.get("min_price"));
        assertEquals(priceType(mode), types.get("max_price"));
        assertEquals(FloeType.FLOAT64, types.get("avg_price"));
        assertEquals(FloeType.decimal(38, 6), types.get("sum_adjusted"));
        try (Table t = grouped.compute()) {
            assertEquals(price.size(), t.rowCount());
            for (int r = 0; r < t.rowCount(); r++) {
                String c = (String) t.get(r, "customer");
                String what = "customer " + c;
                Fold p = price.get(c);
                assertEquals(p.sum, t.get(r, "sum_price"), what);
                assertEquals(p.min, t.get(r, "min_price"), what);
                assertEquals(p.max, t.get(r, "max_price"), what);
                assertClose(p.mean(), (Double) t.get(r, "avg_price"), 1e-12, what + " avg");
                assertEquals(p.count, t.get(r, "n_price"), what);
                assertEquals(p.rows, t.get(r, "n"), what);
                assertEquals(line.get(c).sum, t.get(r, "sum_line"), what);
                assertEquals(line.get(c).max, t.get(r, "max_line"), what);
                assertEquals(adjusted.get(c).sum, t.get(r, "sum_adjusted"), what);
                assertEquals(adjusted.get(c).min, t.get(r, "min_adjusted"), what);
            }
        }
        // the whole frame, and a group by the decimal itself after a filter
        Fold all = new Fold();
        orders.forEach(o -> all.add(o.price()));
        try (Table t = df.agg(sum("price").as("s"), min("price").as("lo"), max("price").as("hi"), count("price").as("n"))
                .compute()) {
            assertEquals(List.of(List.of(all.sum, all.min, all.max, all.count)), Rows.of(t));
        }
        Map<BigDecimal, Long> refunds = new HashMap<>();
        orders.stream().filter(o -> o.price() != null && o.price().signum() < 0)
                .forEach(o -> refunds.merge(o.price(), o.qty(), Long::sum));
        try (Table t = df.filter(col("price").lt(lit(BigDecimal.ZERO))).groupBy("price").agg(sum("qty").as("q")).compute()) {
            Map<Object, Object> got = new HashMap<>();
            Rows.of(t).forEach(row -> got.put(row.get(0), row.get(1)));
            assertEquals(new HashMap<Object, Object>(refunds), got);
        }
    }

    // ---------------------------------------------------------------- sort, join, distinct, head

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("cases")
    void sortsJoinsDistinctAndHead(String mode, long block, int splitEvery) {
        DataFrame df = derived(orders(mode, block, splitEvery));
        Comparator<Order> byPriceDescNullsFirst = Comparator.comparing(Order::price,
                Comparator.nullsFirst(Comparator.<BigDecimal>reverseOrder()));
        List<List<Object>> sorted = orders.stream().sorted(byPriceDescNullsFirst.thenComparing(Order::id))
                .map(Order::values).toList();
        DataFrame byPrice = df.sort(SortKey.desc("price").nullsFirst(true), SortKey.asc("id"))
                .select("id", "customer", "price", "qty", "rate");
        try (Table t = byPrice.compute()) {
            assertEquals(sorted, Rows.of(t));
        }
        try (Table t = byPrice.head(9)) {
            assertEquals(sorted.subList(0, 9), Rows.of(t));
        }
        List<List<Object>> byLine = orders.stream()
                .sorted(Comparator.comparing(Order::line, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                        .thenComparing(Order::id, Comparator.reverseOrder()))
                .map(o -> Arrays.<Object>asList(o.id(), o.line())).toList();
        try (Table t = df.sort(SortKey.desc("line").nullsFirst(false), SortKey.desc("id")).select("id", "line").compute()) {
            assertEquals(byLine, Rows.of(t));
        }
        try (Table t = df.select("id", "customer", "price", "qty", "rate").head(7)) {
            assertEquals(oracle(o -> true).subList(0, 7), Rows.of(t));
        }

        // join on the decimal price (the right side read with the left's type; a NULL key matches nothing)
        DataFrame right = Floe.readCsv(input.resolve("specials/*.csv").toString(), CsvOptions.defaults()
                .withTypes(Map.of("price", priceType(mode), "label", FloeType.STRING))).withOptions(executionOptions(splitEvery));
        Map<BigDecimal, String> labels = new HashMap<>();
        for (int i = 0; i < specials.size() - 1; i++) {
            labels.put(specials.get(i), "s" + i);
        }
        List<List<Object>> inner = new ArrayList<>();
        List<List<Object>> left = new ArrayList<>();
        for (Order o : orders) {
            String label = o.price() == null ? null : labels.get(o.price());
            if (label != null) {
                inner.add(Arrays.asList(o.id(), o.price(), label));
            }
            left.add(Arrays.asList(o.id(), o.price(), label));
        }
        assertTrue(inner.size() > 10, "the join matches rows: " + inner.size());
        try (Table t = df.join(right, "price").select("id", "price", "label").compute()) {
            assertEquals(Rows.sorted(inner), Rows.sorted(Rows.of(t)));
        }
        DataFrame shuffled = df.withOptions(df.options().withBroadcastThreshold(0).withShufflePartitions(3));
        try (Table t = shuffled.join(right.repartition(2), JoinType.LEFT, "price").select("id", "price", "label").compute()) {
            assertEquals(Rows.sorted(left), Rows.sorted(Rows.of(t)));
        }

        // distinct prices (NULL once), and distinct (customer, price sign) pairs
        Set<BigDecimal> prices = new HashSet<>();
        orders.forEach(o -> prices.add(o.price()));
        try (Table t = df.select("price").distinct().compute()) {
            assertEquals(prices.size(), t.rowCount());
            assertEquals(prices, new HashSet<>(t.column("price")));
        }
        Set<List<Object>> pairs = new HashSet<>();
        orders.forEach(o -> pairs.add(Arrays.asList(o.customer(), o.rate())));
        try (Table t = df.select("customer", "rate").distinct().compute()) {
            assertEquals(pairs.size(), t.rowCount());
            assertEquals(pairs, new HashSet<>(Rows.of(t)));
        }
    }
    // ---------------------------------------------------------------- more operators, their errors, odd texts

    static Stream<Arguments> fewerCases() {
        return cases().filter(a -> (long) a.get()[1] != 2048);
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("fewerCases")
    void comparisonsAcrossScalesRoundingAndTopK(String mode, long block, int splitEvery) {
        DataFrame df = derived(orders(mode, block, splitEvery));
        BigDecimal low = new BigDecimal("-1.00");
        BigDecimal between = new BigDecimal("100.049");
        Set<BigDecimal> set = Set.of(new BigDecimal("100.05"), new BigDecimal("-0.5"), new BigDecimal("1.000"));
        List<Long> expected = orders.stream().filter(o -> o.price() != null
                && (o.price().compareTo(between) > 0 && o.price().compareTo(low.negate().movePointRight(3)) <= 0
                        || set.stream().anyMatch(v -> v.compareTo(o.price()) == 0)
                        || o.rate() != null && o.price().compareTo(o.rate()) < 0 && o.price().compareTo(low) >= 0))
                .map(Order::id).toList();
        Expr filter = col("price").gt(lit(between)).and(col("price").le(lit(1000)))
                .or(col("price").isin(set.toArray()))
                .or(col("price").lt(col("rate")).and(col("price").ge(lit(low))));
        try (Table t = df.filter(filter).select("id").compute()) {
            assertEquals(expected, t.column("id"));
        }

        // round, abs, negation and a narrowing TRY_CAST, half away from zero
        FloeType narrow = FloeType.decimal(7, 1);
        DataFrame rounded = df.select(col("id"), round(col("price"), 1).as("r"), abs(col("price")).as("a"),
                col("price").negate().as("n"), col("price").tryCast(narrow).as("t"));
        // round(x, 1) of DECIMAL(p,2) is DECIMAL(p,1), as in DuckDB
        assertEquals(FloeType.decimal(priceType(mode).precision(), 1), rounded.schema().field(1).type());
        assertEquals(narrow, rounded.schema().field(4).type());
        List<List<Object>> roundedRows = new ArrayList<>();
        for (Order o : orders) {
            BigDecimal p = o.price();
            BigDecimal t = p == null ? null : p.setScale(1, RoundingMode.HALF_UP);
            roundedRows.add(Arrays.asList(o.id(), t, p == null ? null : p.abs(),
                    p == null ? null : p.negate(), t == null || t.precision() - t.scale() > 6 ? null : t));
        }
        try (Table t = rounded.compute()) {
            assertEquals(roundedRows, Rows.of(t));
        }

        // top and bottom k (NULLs last), and value counts of a decimal
        Comparator<BigDecimal> asc = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<BigDecimal> desc = Comparator.nullsLast(Comparator.reverseOrder());
        try (Table t = df.nlargest(6, "price").select("price").compute()) {
            assertEquals(orders.stream().map(Order::price).sorted(desc).limit(6).toList(), t.column("price"));
        }
        try (Table t = df.nsmallest(6, "adjusted").select("adjusted").compute()) {
            assertEquals(orders.stream().map(Order::adjusted).sorted(asc).limit(6).toList(), t.column("adjusted"));
        }
        Map<BigDecimal, Long> counts = new HashMap<>();
        orders.forEach(o -> counts.merge(o.price(), 1L, Long::sum));
        List<List<Object>> valueCounts = counts.entrySet().stream()
                .sorted(Map.Entry.<BigDecimal, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(asc)))
                .map(e -> Arrays.<Object>asList(e.getKey(), e.getValue())).toList();
        try (Table t = df.valueCounts("price").compute()) {
            assertEquals(valueCounts, Rows.of(t));
        }
        // groups keyed by a computed wide decimal (DECIMAL(38,6) or DECIMAL(25,6): beyond the long key path)
        Map<BigDecimal, Long> byAdjusted = new HashMap<>();
        orders.forEach(o -> byAdjusted.merge(o.adjusted(), o.qty(), Long::sum));
        try (Table t = df.groupBy("adjusted").agg(sum("qty").as("q")).compute()) {
            Map<Object, Object> got = new HashMap<>();
            Rows.of(t).forEach(row -> got.put(row.get(0), row.get(1)));
            assertEquals(new HashMap<Object, Object>(byAdjusted), got);
        }
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("fewerCases")
    void overflowAndNarrowingCastsAreErrorsNamingTheValues(String mode, long block, int splitEvery) {
        DataFrame df = orders(mode, block, splitEvery);
        // price * price of a price past 10^16 needs 40 digits of DECIMAL(38,4)
        assertEquals(FloeType.decimal(38, 4), df.select(col("price").mul(col("price")).as("sq")).schema().field(0).type());
        Order huge = orders.stream().filter(o -> o.price() != null && o.price().abs().compareTo(BigDecimal.TEN.pow(17)) > 0)
                .findFirst().orElseThrow();
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> df.filter(col("id").eq(lit(huge.id()))).select(col("price").mul(col("price")).as("sq")).compute().close());
        String message = causes(e);
        assertTrue(message.contains("DECIMAL overflow in (price * price)") && message.contains(huge.price().toPlainString()),
                message);
        RuntimeException c = assertThrows(RuntimeException.class,
                () -> df.select(col("price").cast(FloeType.decimal(7, 1)).as("c")).compute().close());
        assertTrue(causes(c).contains("DECIMAL(7,1)"), causes(c));
    }

    /** Texts a person writes for a decimal: signs, quotes, no integer digits, zeros past the scale, exponents. */
    @ParameterizedTest(name = "block={0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {16, 64, CsvOptions.DEFAULT_BLOCK_SIZE})
    void decimalTextsReadExactlyAcrossSplits(long block) {
        String[] texts = {"+12.30", "\"7.25\"", ".5", "-.5", "12.3", "12.300", "-0.00", "0", "1e2", "-1.5E-1",
            "00012.10", "\"-99999999999999999.99\"", "99999999999999999.99", "", "3."};
        StringBuilder csv = new StringBuilder("id,price\n");
        List<List<Object>> expected = new ArrayList<>();
        for (int repeat = 0; repeat < 5; repeat++) {
            for (String text : texts) {
                long id = expected.size();
                csv.append(id).append(',').append(text).append('\n');
                String plain = text.replace("\"", "");
                expected.add(Arrays.asList(id, plain.isEmpty() ? null : new BigDecimal(plain).setScale(2)));
            }
        }
        CsvFixtures.writeFile(output.resolve("texts"), "texts.csv", csv.toString());
        DataFrame df = Floe.readCsv(output.resolve("texts/*.csv").toString(), CsvOptions.defaults().withBlockSize(block)
                .withTypes(Map.of("price", PRICE))).withOptions(executionOptions(2));
        try (Table t = df.compute()) {
            assertEquals(expected, Rows.of(t));
        }
        Path out = output.resolve("texts-out");
        df.writeCsv(out.toString());
        try (Table t = Floe.readCsv(out.resolve("part-*.csv").toString(), CsvOptions.defaults().withTypes(Map.of("price", PRICE)))
                .withOptions(executionOptions(2)).compute()) {
            assertEquals(expected, Rows.of(t));
        }
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("fewerCases")
    void castsBackToDecimalDivisionSpilledSortAndPersist(String mode, long block, int splitEvery) {
        DataFrame df = derived(orders(mode, block, splitEvery));
        FloeType type = priceType(mode);
        // VARCHAR and DOUBLE back to the decimal; a division is a DOUBLE; COALESCE and BETWEEN
        DataFrame back = df.select(col("id"), col("as_text").cast(type).as("from_text"),
                col("as_double").cast(FloeType.decimal(20, 2)).as("from_double"),
                col("as_double").cast(FloeType.decimal(20, 1)).as("double_to_one_digit"), col("price").div(col("qty")).as("unit"),
                coalesce(col("price"), lit(BigDecimal.ZERO)).as("or_zero"),
                col("price").between(lit(new BigDecimal("-5")), lit(THRESHOLD)).as("small"));
        assertEquals(type, back.schema().field(1).type());
        assertEquals(FloeType.FLOAT64, back.schema().field(back.schema().indexOf("unit")).type());
        try (Table t = back.compute()) {
            for (int r = 0; r < t.rowCount(); r++) {
                Order o = orders.get(r);
                String what = "row " + r + " price " + o.price();
                assertEquals(o.id(), t.get(r, "id"));
                assertEquals(o.price(), t.get(r, "from_text"), what);
                // a double of at most 17 significant digits has the price's digits back when they are 15 or fewer
                if (o.price() == null || o.price().precision() <= 15) {
                    assertEquals(o.price(), t.get(r, "from_double"), what);
                    // by the double's shortest text, which is the price's digits: 0.15 is 0.2, -0.15 is -0.2
                    assertEquals(o.price() == null ? null : o.price().setScale(1, RoundingMode.HALF_UP),
                            t.get(r, "double_to_one_digit"), what);
                } else {
                    // past 15 digits the shortest text of the double (-1.683424669407897E17 for
                    // -168342466940789708.80): it reads back as the same double, in no more digits than Java's text
                    double d = o.price().doubleValue();
                    BigDecimal got = (BigDecimal) t.get(r, "double_to_one_digit");
                    assertEquals(d, got.doubleValue(), what + " gave " + got);
                    assertTrue(got.stripTrailingZeros().precision()
                            <= new BigDecimal(Double.toString(d)).stripTrailingZeros().precision(), what + " gave " + got);
                }
                if (o.price() == null) {
                    assertEquals(null, t.get(r, "unit"), what);
                    assertEquals(BigDecimal.ZERO.setScale(2), t.get(r, "or_zero"), what);
                    assertEquals(null, t.get(r, "small"), what);
                } else {
                    double unit = o.price().divide(BigDecimal.valueOf(o.qty()), MathContext.DECIMAL128).doubleValue();
                    assertClose(unit, (Double) t.get(r, "unit"), 1e-15, what);
                    assertEquals(o.price(), ((BigDecimal) t.get(r, "or_zero")).setScale(2), what);
                    assertEquals(o.price().compareTo(new BigDecimal("-5")) >= 0 && o.price().compareTo(THRESHOLD) <= 0,
                            t.get(r, "small"), what);
                }
            }
        }
        // a sort by the adjusted price under a 4 KB budget spills sorted runs and still gives the global order
        DataFrame tight = df.withOptions(df.options().withSortMemoryBudget(4 << 10));
        List<List<Object>> byAdjusted = orders.stream()
                .sorted(Comparator.comparing(Order::adjusted, Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
                        .thenComparing(Order::id))
                .map(o -> Arrays.<Object>asList(o.id(), o.adjusted(), o.price())).toList();
        try (Table t = tight.sort(SortKey.asc("adjusted").nullsFirst(true), SortKey.asc("id"))
                .select("id", "adjusted", "price").compute()) {
            assertEquals(byAdjusted, Rows.of(t));
            if (block == CsvOptions.DEFAULT_BLOCK_SIZE) {     // three ranges of 100 rows, each past 4 KB
                assertTrue(t.metrics().filesSpilled() > 0, "the sort spilled: " + t.metrics().filesSpilled());
            }
        }
        // persisted, the decimals are the same values
        try (PersistedFrame persisted = df.select("id", "price", "line").persist()) {
            assertEquals(orders.size(), persisted.rowCount());
            Fold line = new Fold();
            orders.forEach(o -> line.add(o.line()));
            try (Table t = persisted.frame().agg(sum("line").as("s"), max("price").as("m")).compute()) {
                Fold price = new Fold();
                orders.forEach(o -> price.add(o.price()));
                assertEquals(List.of(List.of(line.sum, price.max)), Rows.of(t));
            }
        }
    }

    /** Inference: integers past BIGINT are DECIMAL(38,0), a plain decimal column DECIMAL(38, its most digits). */
    @ParameterizedTest(name = "block={0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {32, CsvOptions.DEFAULT_BLOCK_SIZE})
    void inferenceOfWideIntegersAndMixedScales(long block) {
        StringBuilder csv = new StringBuilder("k,big,mixed\n");
        Random random = new Random(5);
        List<BigDecimal> bigs = new ArrayList<>();
        List<BigDecimal> mixed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BigDecimal big = new BigDecimal(new java.math.BigInteger(90, random)).subtract(BigDecimal.TEN.pow(26));
            // one to four digits after the point, as written
            BigDecimal m = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 1 + random.nextInt(4));
            bigs.add(big);
            mixed.add(m.setScale(4));
            csv.append(i % 3).append(',').append(big.toPlainString()).append(',').append(m.toPlainString()).append('\n');
        }
        CsvFixtures.writeFile(output.resolve("wide"), "wide.csv", csv.toString());
        DataFrame df = Floe.readCsv(output.resolve("wide/*.csv").toString(), CsvOptions.defaults().withBlockSize(block)
                .withDecimals(CsvOptions.DecimalMode.DECIMAL).withSampleSize(-1)).withOptions(executionOptions(2));
        assertEquals(FloeType.decimal(38, 0), df.schema().field(1).type());
        assertEquals(FloeType.decimal(38, 4), df.schema().field(2).type());
        try (Table t = df.compute()) {
            assertEquals(bigs, t.column("big"));
            assertEquals(mixed, t.column("mixed"));
        }
        Map<Long, BigDecimal> sums = new TreeMap<>();
        for (int i = 0; i < bigs.size(); i++) {
            sums.merge((long) (i % 3), bigs.get(i).add(mixed.get(i)), BigDecimal::add);
        }
        try (Table t = df.groupBy("k").agg(sum(col("big").add(col("mixed"))).as("s")).sort("k").compute()) {
            List<List<Object>> expected = new ArrayList<>();
            sums.forEach((k, v) -> expected.add(Arrays.asList(k, v)));
            assertEquals(expected, Rows.of(t));
        }
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("fewerCases")
    void semiAntiAndTwoKeyJoinsUnionAndStatistics(String mode, long block, int splitEvery) throws IOException {
        DataFrame df = orders(mode, block, splitEvery);
        DataFrame right = Floe.readCsv(input.resolve("specials/*.csv").toString(), CsvOptions.defaults()
                .withTypes(Map.of("price", priceType(mode), "label", FloeType.STRING))).withOptions(executionOptions(splitEvery));
        Set<BigDecimal> special = new HashSet<>(specials);
        special.remove(null);
        try (Table t = df.join(right, JoinType.SEMI, "price").select("id").compute()) {
            assertEquals(orders.stream().filter(o -> special.contains(o.price())).map(Order::id).sorted().toList(),
                    t.column("id").stream().map(v -> (Long) v).sorted().toList());
        }
        try (Table t = df.join(right, JoinType.ANTI, "price").select("id").compute()) {
            assertEquals(orders.stream().filter(o -> !special.contains(o.price())).map(Order::id).sorted().toList(),
                    t.column("id").stream().map(v -> (Long) v).sorted().toList());
        }
        // the frame joined with itself on (customer, rate): a VARCHAR and a DECIMAL key together
        Map<List<Object>, Long> perKey = new HashMap<>();
        orders.stream().filter(o -> o.rate() != null).forEach(o -> perKey.merge(Arrays.asList(o.customer(), o.rate()), 1L, Long::sum));
        long pairs = orders.stream().filter(o -> o.rate() != null)
                .mapToLong(o -> perKey.get(Arrays.asList(o.customer(), o.rate()))).sum();
        DataFrame other = df.select(col("customer"), col("rate"), col("id").as("other_id"));
        assertEquals(pairs, df.join(other, "customer", "rate").count());

        // a union of the frame with itself, then statistics; dropDuplicates on the decimal
        Fold price = new Fold();
        orders.forEach(o -> price.add(o.price()));
        Set<BigDecimal> distinct = new HashSet<>();
        orders.forEach(o -> distinct.add(o.price()));
        distinct.remove(null);
        try (Table t = df.unionAll(df).agg(sum("price").as("s"), nunique("price").as("u"), first("price").as("f"),
                count("price").as("n")).compute()) {
            assertEquals(List.of(List.of(price.sum.multiply(BigDecimal.valueOf(2)), (long) distinct.size(),
                    orders.get(0).price() == null ? orders.get(1).price() : orders.get(0).price(), 2 * price.count)), Rows.of(t));
        }
        try (Table t = df.dropDuplicates("price").compute()) {
            assertEquals(distinct.size() + 1, t.rowCount());
        }
        // describe: count, mean, min and max of the decimal as DOUBLE
        try (Table d = df.describe()) {
            Map<String, Integer> stat = new HashMap<>();
            for (int r = 0; r < d.rowCount(); r++) {
                stat.put((String) d.get(r, "statistic"), r);
            }
            assertEquals((double) price.count, d.get(stat.get("count"), "price"));
            assertClose(price.mean(), (Double) d.get(stat.get("mean"), "price"), 1e-12, "mean");
            assertEquals(price.min.doubleValue(), d.get(stat.get("min"), "price"));
            assertEquals(price.max.doubleValue(), d.get(stat.get("max"), "price"));
        }
        // one CSV file, and the frame as a stream of batches, sorted, after an offset
        Path one = output.resolve("one.csv");
        assertEquals(orders.size(), df.writeCsv(one.toString(), dev.floe.io.write.CsvWriteOptions.defaults(), true));
        try (Table t = Floe.readCsv(one.toString(), csvOptions(mode, block)).withOptions(executionOptions(splitEvery)).compute()) {
            assertEquals(oracle(o -> true), Rows.of(t));
        }
        List<Object> streamed = new ArrayList<>();
        try (BatchStream batches = df.sort(SortKey.asc("rate"), SortKey.asc("id")).limit(50, 20).toBatches()) {
            while (batches.next()) {
                org.apache.arrow.vector.VectorSchemaRoot b = batches.batch();
                for (int r = 0; r < b.getRowCount(); r++) {
                    streamed.add(dev.floe.expressions.Values.get(b.getVector("rate"), r));
                }
            }
        }
        assertEquals(orders.stream().sorted(Comparator.comparing(Order::rate, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
                .thenComparing(Order::id)).skip(20).limit(50).map(Order::rate).toList(), streamed);
    }

    /** Quoted decimals and the NULL text under decimal inference, as under declared types. */
    @ParameterizedTest(name = "block={0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {16, CsvOptions.DEFAULT_BLOCK_SIZE})
    void quotedDecimalsAndNullTextsUnderInference(long block) {
        String[] texts = {"\"7.25\"", "-12.50", "\"-0.01\"", "NA", "100.05", "\"1234567890123456789.99\"", ""};
        StringBuilder csv = new StringBuilder("id,price\n");
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String text = texts[i % texts.length];
            csv.append(i).append(',').append(text).append('\n');
            String plain = text.replace("\"", "");
            expected.add(plain.isEmpty() || plain.equals("NA") ? null : new BigDecimal(plain));
        }
        CsvFixtures.writeFile(output.resolve("quoted"), "quoted.csv", csv.toString());
        DataFrame df = Floe.readCsv(output.resolve("quoted/*.csv").toString(), CsvOptions.defaults().withBlockSize(block)
                .withDecimals(CsvOptions.DecimalMode.DECIMAL).withNullStrings(List.of("NA", ""))).withOptions(executionOptions(2));
        assertEquals(FloeType.decimal(38, 2), df.schema().field(1).type());
        try (Table t = df.compute()) {
            assertEquals(expected, t.column("price"));
        }
    }

    @ParameterizedTest(name = "{0} block={1} splitEvery={2}")
    @MethodSource("fewerCases")
    void wideComparisonsCaseAndRoundingFunctions(String mode, long block, int splitEvery) {
        DataFrame df = derived(orders(mode, block, splitEvery));
        // a huge price compared at scale 6 (rescaled in 128 bits), against columns of other scales and BIGINT
        Order huge = orders.stream().filter(o -> o.price() != null && o.price().compareTo(BigDecimal.TEN.pow(17)) > 0)
                .findFirst().orElseThrow();
        BigDecimal justBelow = huge.price().subtract(new BigDecimal("0.000001"));
        BigDecimal same = huge.price().setScale(6);
        Predicate<Order> expected = o -> o.price() != null && (o.price().compareTo(justBelow) > 0 && o.price().compareTo(same) <= 0
                || o.adjusted() != null && o.adjusted().compareTo(o.price()) > 0 && o.line().compareTo(o.adjusted()) < 0
                || o.price().compareTo(BigDecimal.valueOf(o.qty())) == 0);
        Expr filter = col("price").gt(lit(justBelow)).and(col("price").le(lit(same)))
                .or(col("adjusted").gt(col("price")).and(col("line").lt(col("adjusted"))))
                .or(col("price").eq(col("qty")));
        try (Table t = df.filter(filter).select("id").compute()) {
            assertEquals(orders.stream().filter(expected).map(Order::id).toList(), t.column("id"));
        }
        assertEquals(orders.stream().filter(o -> huge.price().equals(o.price())).count(),
                df.filter(col("price").eq(lit(same))).count());
        // a DOUBLE literal makes the comparison DOUBLE: 100.05 equals the nearest double of 100.05
        assertEquals(orders.stream().filter(o -> THRESHOLD.equals(o.price())).count(),
                df.filter(col("price").eq(lit(100.05))).count());

        // CASE between two scales is their supertype; round to tens, floor, ceil, a cast to scale 0 and to scale 8
        Expr pick = when(col("price").lt(lit(0))).then(col("rate")).otherwise(col("price"));
        DataFrame shaped = df.select(col("id"), pick.as("pick"), round(col("price"), -1).as("tens"),
                floor(col("price")).as("fl"), ceil(col("price")).as("ce"),
                col("price").cast(FloeType.decimal(19, 0)).as("units"), col("rate").cast(FloeType.decimal(30, 8)).as("wide"));
        FloeType supertype = FloeType.decimal(Math.min(38, 6 + Math.max(priceType(mode).precision() - 2, rateType(mode).precision() - 6)), 6);
        assertEquals(supertype, shaped.schema().field(1).type());
        List<List<Object>> rows = new ArrayList<>();
        for (Order o : orders) {
            BigDecimal p = o.price();
            rows.add(Arrays.asList(o.id(),
                    p == null ? null : p.signum() < 0 ? (o.rate() == null ? null : o.rate().setScale(6)) : p.setScale(6),
                    p == null ? null : p.setScale(-1, RoundingMode.HALF_UP).setScale(0),   // DECIMAL(p,0), as in DuckDB
                    p == null ? null : p.setScale(0, RoundingMode.FLOOR),
                    p == null ? null : p.setScale(0, RoundingMode.CEILING),
                    p == null ? null : p.setScale(0, RoundingMode.HALF_UP),
                    o.rate() == null ? null : o.rate().setScale(8)));
        }
        try (Table t = shaped.compute()) {
            assertEquals(rows, Rows.of(t));
        }
    }

    /**
     * Values that do not fit DECIMAL(20,2) (a third decimal, 19 integer digits, not a number) fail the query
     * naming the record, or under ignore_errors are skipped and listed; the rest aggregate exactly.
     */
    @ParameterizedTest(name = "block={0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {64, CsvOptions.DEFAULT_BLOCK_SIZE})
    void badDecimalsAreRejectedWithTheirRecordAndTheRestSumExactly(long block) {
        String[] bad = {"12.345", "1234567890123456789.00", "12,5", "abc"};
        StringBuilder csv = new StringBuilder("id,customer,price\n");
        List<Reject> expectedRejects = new ArrayList<>();
        Map<String, BigDecimal> sums = new TreeMap<>();
        Random random = new Random(9);
        for (int i = 0; i < 200; i++) {
            long offset = csv.length();
            String customer = "c" + (i % 4);
            String record;
            if (i % 23 == 7) {
                String text = bad[(i / 23) % bad.length];
                record = i + "," + customer + "," + (text.contains(",") ? "\"" + text + "\"" : text);
                expectedRejects.add(new Reject("bad.csv", i + 2, offset, "price", record, null));
            } else {
                BigDecimal price = i % 11 == 0 ? BigDecimal.valueOf(random.nextLong() % 100_000_000_000_000_000L, 2)
                        : BigDecimal.valueOf(random.nextInt(200_000) - 100_000, 2);
                record = i + "," + customer + "," + price.toPlainString();
                sums.merge(customer, price, BigDecimal::add);
            }
            csv.append(record).append('\n');
        }
        CsvFixtures.writeFile(output.resolve("bad"), "bad.csv", csv.toString());
        String glob = output.resolve("bad/*.csv").toString();
        CsvOptions declared = CsvOptions.defaults().withBlockSize(block).withTypes(Map.of("price", PRICE));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Floe.readCsv(glob, declared)
                .withOptions(executionOptions(2)).groupBy("customer").agg(sum("price").as("s")).compute().close());
        // one of the bad records (with many splits, whichever task meets one first; in one split the first)
        String message = causes(e);
        List<Reject> named = expectedRejects.stream().filter(r -> message.contains("bad.csv line " + r.line() + " (byte "
                + r.byteOffset() + "), column 'price'") && message.contains("record: " + r.rawText())).toList();
        assertEquals(1, named.size(), message);
        assertTrue(message.contains("DECIMAL(20,2)"), message);
        if (block == CsvOptions.DEFAULT_BLOCK_SIZE) {
            assertEquals(expectedRejects.get(0), named.get(0));
            assertTrue(message.contains("cannot read '12.345' as DECIMAL(20,2) without losing digits"), message);
        }
        DataFrame df = Floe.readCsv(glob, declared.withIgnoreErrors(true).withRejects(true)).withOptions(executionOptions(2));
        try (Table t = df.groupBy("customer").agg(sum("price").as("s")).sort("customer").compute()) {
            List<List<Object>> expected = new ArrayList<>();
            sums.forEach((c, v) -> expected.add(Arrays.asList(c, v)));
            assertEquals(expected, Rows.of(t));
            List<Reject> got = t.metrics().rejects().stream()
                    .map(r -> new Reject(Path.of(r.file()).getFileName().toString(), r.line(), r.byteOffset(), r.column(),
                            r.rawText(), null))
                    .sorted(Comparator.comparingLong(Reject::line)).toList();
            assertEquals(expectedRejects, got);
            assertEquals(expectedRejects.size(), t.metrics().rowsRejected());
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
