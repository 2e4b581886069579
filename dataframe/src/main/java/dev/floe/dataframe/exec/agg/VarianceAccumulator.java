package dev.floe.dataframe.exec.agg;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * Sample variance or standard deviation of BIGINT, DOUBLE or DECIMAL, numerically stable: Welford's update within a partition and
 * Chan et al.'s formula to merge partial states, so that splitting rows differently changes the result
 * only in the last bits.
 *
 * <p>State per group: {@code long[] counts}, {@code double[] means}, {@code double[] m2s} (the sum of
 * squared differences from the mean). Result: {@code m2 / (n - 1)} (its square root for the standard
 * deviation); NULL for fewer than two values.
 */
public final class VarianceAccumulator implements Accumulator {
    private final boolean std;
    private final int inputKind;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] m2s = new double[0];

    /** {@code inputKind}: how the input is read ({@link DecimalInput#kindOf}). */
    public VarianceAccumulator(boolean std, int inputKind) {
        this.std = std;
        this.inputKind = inputKind;
    }

    @Override
    public void resize(int groups) {
        if (counts.length < groups) {
            int n = Math.max(groups, counts.length * 2);
            counts = Arrays.copyOf(counts, n);
            means = Arrays.copyOf(means, n);
            m2s = Arrays.copyOf(m2s, n);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        ArrowBuf data = input.getDataBuffer();
        boolean noNulls = input.getNullCount() == 0;
        for (int i = 0; i < rows; i++) {
            if (noNulls || !input.isNull(i)) {
                double x = DecimalInput.get(data, i, inputKind);
                int g = groupIds[i];
                long n = ++counts[g];
                double delta = x - means[g];
                means[g] += delta / n;
                m2s[g] += delta * (x - means[g]);
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        VarianceAccumulator o = (VarianceAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            long nb = o.counts[g];
            if (nb == 0 || mapping[g] < 0) {
                continue;
            }
            int t = mapping[g];
            long na = counts[t];
            long n = na + nb;
            double delta = o.means[g] - means[t];
            means[t] += delta * nb / n;
            m2s[t] += o.m2s[g] + delta * delta * ((double) na * nb / n);
            counts[t] = n;
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        Float8Vector v = (Float8Vector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            if (counts[g] < 2) {
                v.setNull(g);
            } else {
                double variance = m2s[g] / (counts[g] - 1);
                v.set(g, std ? Math.sqrt(variance) : variance);
            }
        }
        v.setValueCount(groups);
    }
}
