package dev.floe.dataframe.exec.agg;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A mergeable quantile sketch of doubles (the compactor hierarchy of Manku–Rajagopalan–Lindsay and
 * KLL, deterministic): exact while it has seen at most {@code k} values, approximate after, with a rank
 * error it tracks and bounds.
 *
 * <pre>
 *   level 0: values, weight 1      ── when a level holds k values: sort them, keep every other one
 *   level 1: weight 2                 (alternately the even and the odd positions) one level up
 *   level h: weight 2^h               with twice the weight; a compaction at level h moves the
 *   ...                               count of values at or below any x by at most 2^h
 * </pre>
 *
 * <p>Error bound: for every x, the sketch's count of values {@code <= x} differs from the true count by
 * at most {@link #errorBound()} (the sum of {@code 2^h} over the compactions that happened, merges
 * included), which never exceeds {@link #rankErrorBound(long, int)} {@code = (floor(log2(n / k)) + 1) *
 * n / (k - 1)}: each level compacts at most {@code n / (2^h (k - 1))} times. With {@code k = 4096}:
 * exact up to 4,096 values, within 0.1% of n in rank at 60,000 values, 0.3% at 10^7, 0.5% at 10^9.
 *
 * <p>NaN is not counted (as pandas' quantiles skip it). Not thread-safe. Memory: at most {@code k}
 * doubles per level, about {@code log2(n / k) + 1} levels.
 */
public final class QuantileSketch implements Serializable {
    public static final int DEFAULT_K = 4096;

    private final int k;
    private double[][] levels = new double[0][];
    private int[] sizes = new int[0];
    private boolean[] oddNext = new boolean[0];
    private long count;
    private long errorBound;

    public QuantileSketch(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        this.k = k;
    }

    public QuantileSketch() {
        this(DEFAULT_K);
    }

    /** The worst-case rank error of a sketch of {@code n} values with parameter {@code k}. */
    public static long rankErrorBound(long n, int k) {
        if (n <= k) {
            return 0;
        }
        long levels = 63 - Long.numberOfLeadingZeros(n / k) + 1;
        return (long) Math.ceil((double) levels * n / (k - 1));
    }

    public void add(double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (levels.length > 0 && sizes[0] < levels[0].length) {
            levels[0][sizes[0]++] = v;   // the common case
        } else {
            append(0, v);
        }
        count++;
        if (sizes[0] >= k) {
            compact(0);
        }
    }

    /** Folds {@code other} into this sketch (other is left as it was). */
    public QuantileSketch merge(QuantileSketch other) {
        for (int h = 0; h < other.levels.length; h++) {
            double[] items = other.levels[h];
            for (int i = 0; i < other.sizes[h]; i++) {
                append(h, items[i]);
            }
        }
        count += other.count;
        errorBound += other.errorBound;
        for (int h = 0; h < levels.length; h++) {
            if (sizes[h] >= k) {
                compact(h);
            }
        }
        return this;
    }

    /** How many values (not NaN) the sketch has seen. */
    public long count() {
        return count;
    }

    /** The most the sketch's rank of any value can differ from the true rank (0: exact). */
    public long errorBound() {
        return errorBound;
    }

    /**
     * The {@code q}-quantile, {@code 0 <= q <= 1}, or NaN with no values. Exact sketches interpolate
     * linearly between the two values around position {@code q * (n - 1)}, as pandas does; approximate
     * ones return the value at that position of the weighted values, within {@link #errorBound()} ranks.
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        if (count == 0) {
            return Double.NaN;
        }
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        double[] values = new double[total];
        long[] weights = new long[total];
        Integer[] order = new Integer[total];
        int n = 0;
        for (int h = 0; h < levels.length; h++) {
            for (int i = 0; i < sizes[h]; i++) {
                values[n] = levels[h][i];
                weights[n] = 1L << h;
                order[n] = n;
                n++;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double position = q * (count - 1);
        if (errorBound == 0) {
            int lo = (int) Math.floor(position);
            int hi = Math.min(lo + 1, total - 1);
            double a = values[order[lo]];
            double b = values[order[hi]];
            double frac = position - lo;
            return frac == 0 ? a : a + (b - a) * frac;
        }
        long cumulative = 0;
        for (int i = 0; i < total; i++) {
            cumulative += weights[order[i]];
            if (cumulative > position) {
                return values[order[i]];
            }
        }
        return values[order[total - 1]];
    }

    private void append(int level, double v) {
        if (levels.length <= level) {
            int n = level + 1;
            levels = Arrays.copyOf(levels, n);
            sizes = Arrays.copyOf(sizes, n);
            oddNext = Arrays.copyOf(oddNext, n);
            for (int h = 0; h < n; h++) {
                if (levels[h] == null) {
                    levels[h] = new double[16];
                }
            }
        }
        double[] items = levels[level];
        int size = sizes[level];
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.min(Math.max(16, size * 2), Math.max(size + 1, 2 * k)));
            levels[level] = items;
        }
        items[size] = v;
        sizes[level] = size + 1;
    }

    /** Sorts level h, moves every other value (half of them) up one level; an odd one out stays. */
    private void compact(int h) {
        double[] items = levels[h];
        int size = sizes[h];
        Arrays.sort(items, 0, size);
        int pairs = size / 2;
        boolean odd = oddNext[h];
        oddNext[h] = !odd;
        double leftover = items[size - 1];
        double[] up = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            up[p] = items[2 * p + (odd ? 1 : 0)];
        }
        sizes[h] = 0;
        if (size % 2 == 1) {
            append(h, leftover);
        }
        errorBound += 1L << h;
        for (double v : up) {
            append(h + 1, v);
        }
        if (sizes[h + 1] >= k) {
            compact(h + 1);
        }
    }
}
