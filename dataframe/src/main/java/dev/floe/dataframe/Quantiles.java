package dev.floe.dataframe;

import dev.floe.dataframe.exec.agg.QuantileAggregation;
import dev.floe.dataframe.exec.agg.QuantileSketch;
import dev.floe.expressions.Aggregation;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;

/**
 * Approximate quantiles as an aggregate, mergeable across partitions: each partition builds a
 * {@link QuantileSketch} ({@code k = 4096}), the combine tree merges them, the finish reads the
 * quantile. Exact (pandas' linear interpolation) while a group has at most 4,096 values; past that the
 * value returned has a rank within {@link QuantileSketch#rankErrorBound} of {@code q * (n - 1)}, at most
 * {@code (floor(log2(n / 4096)) + 1) / 4095} of n (0.1% at 60,000 values, 0.5% at a billion). NULL and NaN
 * are skipped; a group with no values gives NULL.
 *
 * <pre>{@code
 * df.groupBy("name").agg(Quantiles.approxQuantile(col("value"), 0.5).as("median"));
 * }</pre>
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** The approximate {@code q}-quantile of a numeric expression. */
    public static Expr approxQuantile(Expr x, double q) {
        return Expressions.custom(aggregation(q), x);
    }

    /** The three-step aggregation behind {@link #approxQuantile}. */
    public static Aggregation<QuantileSketch> aggregation(double q) {
        return new QuantileAggregation(q);
    }
}
