package dev.floe.dataframe.exec.agg;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code sum(x)} of DOUBLE and {@code avg(x)} of DOUBLE or BIGINT, with Neumaier's compensated
 * summation so that the result hardly depends on how rows were split into partitions.
 *
 * <p>State per group: {@code double[] sums}, {@code double[] compensations} (the low-order bits lost
 * from {@code sums}), {@code long[] counts} (non-NULL values). Result: {@code sums + compensations}, or
 * divided by {@code counts} for the mean; NULL for a group with no values.
 */
public final class DoubleSumAccumulator implements Accumulator {
    private final boolean mean;
    private double[] sums = new double[0];
    private double[] compensations = new double[0];
    private long[] counts = new long[0];

    public DoubleSumAccumulator(boolean mean) {
        this.mean = mean;
    }

    @Override
    public void resize(int groups) {
        if (sums.length < groups) {
            int n = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, n);
            compensations = Arrays.copyOf(compensations, n);
            counts = Arrays.copyOf(counts, n);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        ArrowBuf data = input.getDataBuffer();
        boolean longs = input instanceof BigIntVector;
        boolean noNulls = input.getNullCount() == 0;
        for (int i = 0; i < rows; i++) {
            if (noNulls || !input.isNull(i)) {
                double x = longs ? (double) data.getLong((long) i * 8) : data.getDouble((long) i * 8);
                add(groupIds[i], x);
                counts[groupIds[i]]++;
            }
        }
    }

    private void add(int g, double x) {
        double s = sums[g];
        double t = s + x;
        if (Math.abs(s) >= Math.abs(x)) {
            compensations[g] += (s - t) + x;
        } else {
            compensations[g] += (x - t) + s;
        }
        sums[g] = t;
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        DoubleSumAccumulator o = (DoubleSumAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            int t = mapping[g];
            if (t < 0) {
                continue;
            }
            add(t, o.sums[g]);
            compensations[t] += o.compensations[g];
            counts[t] += o.counts[g];
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        Float8Vector v = (Float8Vector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            if (counts[g] == 0) {
                v.setNull(g);
            } else {
                // a NaN or infinite sum makes the compensation NaN: the plain sum is the answer then
                double total = Double.isFinite(sums[g]) ? sums[g] + compensations[g] : sums[g];
                v.set(g, mean ? total / counts[g] : total);
            }
        }
        v.setValueCount(groups);
    }
}
