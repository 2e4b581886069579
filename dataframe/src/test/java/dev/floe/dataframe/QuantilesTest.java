package dev.floe.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.exec.agg.QuantileSketch;
import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.testdata.CsvFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * describe()'s quantiles and the sketch behind them, against exact quantiles of the sorted values:
 * equal (pandas' linear interpolation) while a column has at most k values, and within the stated rank
 * bound past that, over 1, 3 and 17 partitions.
 */
class QuantilesTest {
    private static final double[] QS = {0.25, 0.5, 0.75};

    @TempDir
    static Path dir;
    @RegisterExtension
    static final TestPool pool = new TestPool();
    private static final Map<Integer, double[][]> COLUMNS = new java.util.HashMap<>();

    @BeforeAll
    static void generate() {
        for (int rows : new int[] {3_000, 60_000}) {
            Random random = new Random(rows);
            List<String> lines = new ArrayList<>();
            List<Double> is = new ArrayList<>();
            List<Double> ds = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                long i = random.nextInt(100) < 30 ? 42 : random.nextInt(5_000) - 1_000;   // many duplicates
                int dr = random.nextInt(100);
                String d = dr < 3 ? "" : dr < 6 ? "NaN" : Double.toString(random.nextGaussian() * 50 + (r % 7));
                lines.add(i + "," + d);
                is.add((double) i);
                if (!d.isEmpty() && !d.equals("NaN")) {
                    ds.add(Double.parseDouble(d));
                }
            }
            COLUMNS.put(rows, new double[][] {sorted(is), sorted(ds)});
            for (int parts : new int[] {1, 3, 17}) {
                int per = (rows + parts - 1) / parts;
                for (int p = 0; p < parts; p++) {
                    StringBuilder sb = new StringBuilder("i,d\n");
                    lines.subList(p * per, Math.min(rows, (p + 1) * per)).forEach(l -> sb.append(l).append('\n'));
                    CsvFixtures.writeFile(dir.resolve(rows + "-" + parts), String.format("part-%02d.csv", p), sb.toString());
                }
            }
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** pandas' quantile: linear interpolation at position q * (n - 1). */
    private static double exact(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** The value's true ranks (values below it, values at or below it) are within bound of q * (n - 1). */
    private static void assertRankWithin(double[] sorted, double q, double value, long bound, String what) {
        double pos = q * (sorted.length - 1);
        int below = lowerBound(sorted, value);
        int atOrBelow = upperBound(sorted, value);
        assertTrue(below <= pos + bound && atOrBelow >= pos - bound, () -> what + ": value " + value + " has ranks ["
                + below + ", " + atOrBelow + "), wanted " + pos + " +- " + bound);
    }

    private static int lowerBound(double[] a, double v) {
        int i = 0;
        while (i < a.length && a[i] < v) {
            i++;
        }
        return i;
    }

    private static int upperBound(double[] a, double v) {
        int i = lowerBound(a, v);
        while (i < a.length && a[i] == v) {
            i++;
        }
        return i;
    }

    @ParameterizedTest(name = "{0} rows, {1} partitions")
    @CsvSource({"3000,1", "3000,3", "3000,17", "60000,1", "60000,3", "60000,17"})
    void describeQuantilesMatchTheExactOnes(int rows, int parts) {
        DataFrame df = Floe.readCsv(dir.resolve(rows + "-" + parts + "/*.csv").toString(),
                CsvOptions.defaults().withTypes(Map.of("i", FloeType.INT64, "d", FloeType.FLOAT64)))
                .withScheduler(pool.scheduler());
        assertEquals(parts, df.npartitions());
        try (Table t = df.describe()) {
            assertEquals(List.of("count", "mean", "std", "min", "25%", "50%", "75%", "max"), t.column("statistic"));
            String[] names = {"i", "d"};
            for (int c = 0; c < names.length; c++) {
                double[] values = COLUMNS.get(rows)[c];
                for (int qi = 0; qi < QS.length; qi++) {
                    double got = (Double) t.get(4 + qi, names[c]);
                    String what = names[c] + " q" + QS[qi];
                    if (values.length <= QuantileSketch.DEFAULT_K) {
                        FloeAssertions.assertClose(exact(values, QS[qi]), got, 1e-12, what);
                    } else {
                        assertRankWithin(values, QS[qi], got, QuantileSketch.rankErrorBound(values.length,
                                QuantileSketch.DEFAULT_K), what);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "k = {0}, {1} values, {2} pieces")
    @CsvSource({"16,10,1", "16,1000,1", "16,1000,7", "16,50000,13", "64,20000,40", "200,100000,3", "8,30000,100"})
    void sketchStaysWithinItsBoundOverAnyMergeTree(int k, int n, int pieces) {
        Random random = new Random(n * 31L + pieces);
        double[] values = new double[n];
        List<QuantileSketch> sketches = new ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            sketches.add(new QuantileSketch(k));
        }
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(4) == 0 ? 7.0 : Math.floor(random.nextGaussian() * 1000);
            sketches.get(random.nextInt(pieces)).add(values[i]);
        }
        while (sketches.size() > 1) {   // merge random pairs: an arbitrary combine tree
            QuantileSketch a = sketches.remove(random.nextInt(sketches.size()));
            QuantileSketch b = sketches.remove(random.nextInt(sketches.size()));
            sketches.add(a.merge(b));
        }
        QuantileSketch s = sketches.get(0);
        Arrays.sort(values);
        assertEquals(n, s.count());
        assertTrue(s.errorBound() <= QuantileSketch.rankErrorBound(n, k),
                () -> "tracked bound " + s.errorBound() + " above the stated " + QuantileSketch.rankErrorBound(n, k));
        for (double q = 0; q <= 1.0; q += 0.05) {
            if (n <= k) {
                FloeAssertions.assertClose(exact(values, q), s.quantile(q), 1e-12, "q" + q);
            } else {
                assertRankWithin(values, q, s.quantile(q), s.errorBound(), "q" + q);
            }
        }
    }

    @Test
    void approxQuantilePerGroupAndEmptyGroups() {
        DataFrame df = Floe.readCsv(dir.resolve("3000-3/*.csv").toString(),
                CsvOptions.defaults().withTypes(Map.of("i", FloeType.INT64, "d", FloeType.FLOAT64)))
                .withScheduler(pool.scheduler());
        try (Table t = df.groupBy(dev.floe.expressions.Expressions.col("i").eq(dev.floe.expressions.Expressions.lit(42L)).as("is42"))
                .agg(Quantiles.approxQuantile(dev.floe.expressions.Expressions.col("i"), 0.5).as("median")).sort("is42").compute()) {
            assertEquals(List.of(false, true), t.column("is42"));
            assertEquals(42.0, t.get(1, "median"));
        }
        QuantileSketch empty = new QuantileSketch();
        empty.add(Double.NaN);
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.quantile(0.5)));
    }

    /**
     * The primitive path (the vector read in place, one sketch shared by the quantiles of one input)
     * against the generic one (one boxed value at a time, a sketch per aggregate): the same sketches
     * see the same values in the same order, so the answers are identical, per group, with NULLs and
     * NaNs, exact and approximate, over partitions merged as a tree.
     */
    @ParameterizedTest(name = "{0} rows, {1} partitions")
    @CsvSource({"3000, 3", "60000, 17", "60000, 1"})
    void thePrimitivePathEqualsTheGenericOne(int rows, int parts) {
        DataFrame df = Floe.readCsv(dir.resolve(rows + "-" + parts + "/*.csv").toString(),
                CsvOptions.defaults().withTypes(Map.of("i", FloeType.INT64, "d", FloeType.FLOAT64)))
                .withOptions(ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSplitEvery(3));
        double[] qs = {0.1, 0.5, 0.9, 0.5};
        List<dev.floe.expressions.Expr> fast = new ArrayList<>();
        List<dev.floe.expressions.Expr> generic = new ArrayList<>();
        for (String c : List.of("i", "d")) {
            for (int j = 0; j < qs.length; j++) {
                double q = qs[j];
                fast.add(Quantiles.approxQuantile(dev.floe.expressions.Expressions.col(c), q).as(c + j));
                dev.floe.expressions.Aggregation<QuantileSketch> boxed = dev.floe.expressions.Aggregation.of("boxed_" + q,
                        FloeType.FLOAT64, QuantileSketch::new, (sk, v) -> {
                            sk.add(((Number) v).doubleValue());
                            return sk;
                        }, QuantileSketch::merge, sk -> sk.count() == 0 ? null : sk.quantile(q));
                generic.add(dev.floe.expressions.Expressions.custom(boxed, dev.floe.expressions.Expressions.col(c)).as(c + j));
            }
        }
        dev.floe.expressions.Expr group = dev.floe.expressions.Expressions.col("i").mod(5L).as("g");
        try (Table a = df.groupBy(group).agg(fast.toArray(dev.floe.expressions.Expr[]::new)).sort("g").compute();
                Table b = df.groupBy(group).agg(generic.toArray(dev.floe.expressions.Expr[]::new)).sort("g").compute()) {
            assertEquals(Rows.of(b), Rows.of(a));
            assertTrue(a.rowCount() >= 5, "groups: " + a.rowCount());
        }
    }
}
