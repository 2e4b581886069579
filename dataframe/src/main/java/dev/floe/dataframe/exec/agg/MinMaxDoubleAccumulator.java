package dev.floe.dataframe.exec.agg;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code min(x)}/{@code max(x)} of DOUBLE, ordered as {@link Double#compare} orders (NaN above +Infinity,
 * as DuckDB and Spark do). State: {@code double[] values}, {@code boolean[] seen}.
 */
public final class MinMaxDoubleAccumulator implements Accumulator {
    private final boolean max;
    private double[] values = new double[0];
    private boolean[] seen = new boolean[0];

    public MinMaxDoubleAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    public void resize(int groups) {
        if (values.length < groups) {
            int n = Math.max(groups, values.length * 2);
            values = Arrays.copyOf(values, n);
            seen = Arrays.copyOf(seen, n);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        ArrowBuf data = input.getDataBuffer();
        boolean noNulls = input.getNullCount() == 0;
        for (int i = 0; i < rows; i++) {
            if (noNulls || !input.isNull(i)) {
                offer(groupIds[i], data.getDouble((long) i * 8));
            }
        }
    }

    private void offer(int g, double x) {
        if (!seen[g] || (max ? Double.compare(x, values[g]) > 0 : Double.compare(x, values[g]) < 0)) {
            values[g] = x;
            seen[g] = true;
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        MinMaxDoubleAccumulator o = (MinMaxDoubleAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            if (o.seen[g] && mapping[g] >= 0) {
                offer(mapping[g], o.values[g]);
            }
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        Float8Vector v = (Float8Vector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            if (seen[g]) {
                v.set(g, values[g]);
            } else {
                v.setNull(g);
            }
        }
        v.setValueCount(groups);
    }
}
