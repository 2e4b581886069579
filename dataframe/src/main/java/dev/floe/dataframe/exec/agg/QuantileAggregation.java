package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.Aggregation;
import dev.floe.expressions.FloeType;

/**
 * The approximate {@code q}-quantile as an {@link Aggregation} over {@link QuantileSketch}es. The
 * generic methods (one boxed value at a time) serve any caller of the interface; an aggregation over
 * INT64 or FLOAT64 input runs through {@link QuantileAccumulator} instead, which reads the Arrow vector
 * directly and shares one sketch among the quantiles of one input.
 */
public record QuantileAggregation(double q) implements Aggregation<QuantileSketch> {
    public QuantileAggregation {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile must be in [0, 1], got " + q);
        }
    }

    @Override
    public String name() {
        return "approx_quantile_" + q;
    }

    @Override
    public FloeType resultType() {
        return FloeType.FLOAT64;
    }

    @Override
    public QuantileSketch create() {
        return new QuantileSketch();
    }

    @Override
    public QuantileSketch update(QuantileSketch state, Object value) {
        state.add(((Number) value).doubleValue());
        return state;
    }

    @Override
    public QuantileSketch merge(QuantileSketch left, QuantileSketch right) {
        return left.merge(right);
    }

    @Override
    public Object finish(QuantileSketch state) {
        return state.count() == 0 ? null : state.quantile(q);
    }

    @Override
    public String toString() {
        return name();
    }
}
