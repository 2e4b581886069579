package dev.floe.dataframe.exec.agg;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code approx_quantile(x, q)} of INT64, FLOAT64 or DECIMAL, reading the vector in place (no object per value).
 * State: {@code QuantileSketch[] sketches}, one per group, null until the group sees a value.
 *
 * <p>Several quantiles of one input (describe()'s 25%, 50% and 75%) share one sketch: the first of
 * them in the layout owns the sketches and does the update and merge; the others are readers
 * ({@link #reading}) whose update, merge and resize do nothing and whose evaluate reads the owner's
 * sketches. The sharing is set up alike in every state of a layout ({@link AggregateState}'s
 * constructor), so merging owner into owner carries every reader along.
 */
final class QuantileAccumulator implements Accumulator {
    private final double q;
    private final int inputKind;      // DecimalInput.kindOf the input
    private final QuantileAccumulator owner;   // null: this one owns its sketches
    private QuantileSketch[] sketches = new QuantileSketch[0];

    QuantileAccumulator(double q, int inputKind) {
        this(q, inputKind, null);
    }

    private QuantileAccumulator(double q, int inputKind, QuantileAccumulator owner) {
        this.q = q;
        this.inputKind = inputKind;
        this.owner = owner;
    }

    /** A reader of this accumulator's sketches that evaluates quantile {@code q}. */
    QuantileAccumulator reading(double quantile) {
        return new QuantileAccumulator(quantile, inputKind, this);
    }

    /** Whether a reader of {@code this} may stand for {@code other} (the same kind of input). */
    boolean sameInputKind(QuantileAccumulator other) {
        return owner == null && inputKind == other.inputKind;
    }

    @Override
    public void resize(int groups) {
        if (owner == null && sketches.length < groups) {
            sketches = Arrays.copyOf(sketches, Math.max(groups, sketches.length * 2));
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        if (owner != null) {
            return;
        }
        ArrowBuf data = input.getDataBuffer();
        boolean noNulls = input.getNullCount() == 0;
        QuantileSketch[] s = sketches;
        for (int i = 0; i < rows; i++) {
            if (noNulls || !input.isNull(i)) {
                double v = DecimalInput.get(data, i, inputKind);
                int g = groupIds[i];
                QuantileSketch sketch = s[g];
                if (sketch == null) {
                    sketch = new QuantileSketch();
                    s[g] = sketch;
                }
                sketch.add(v);
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        if (owner != null) {
            return;
        }
        QuantileSketch[] o = ((QuantileAccumulator) other).sketches;
        for (int g = 0; g < mapping.length; g++) {
            int t = mapping[g];
            if (t < 0 || g >= o.length || o[g] == null) {
                continue;
            }
            sketches[t] = sketches[t] == null ? o[g] : sketches[t].merge(o[g]);
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        QuantileSketch[] s = owner == null ? sketches : owner.sketches;
        Float8Vector v = (Float8Vector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            if (g < s.length && s[g] != null && s[g].count() > 0) {
                v.set(g, s[g].quantile(q));
            } else {
                v.setNull(g);
            }
        }
        v.setValueCount(groups);
    }
}
