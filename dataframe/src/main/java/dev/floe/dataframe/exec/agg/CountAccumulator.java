package dev.floe.dataframe.exec.agg;

import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code count(*)} (every row) or {@code count(x)} (non-NULL values of x). State: {@code long[] counts}
 * indexed by group.
 */
public final class CountAccumulator implements Accumulator {
    private final boolean countNulls;
    private long[] counts = new long[0];

    public CountAccumulator(boolean countNulls) {
        this.countNulls = countNulls;
    }

    @Override
    public void resize(int groups) {
        if (counts.length < groups) {
            counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        if (countNulls || input.getNullCount() == 0) {
            for (int i = 0; i < rows; i++) {
                counts[groupIds[i]]++;
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            if (!input.isNull(i)) {
                counts[groupIds[i]]++;
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        long[] o = ((CountAccumulator) other).counts;
        for (int g = 0; g < mapping.length; g++) {
            if (mapping[g] >= 0) {
                counts[mapping[g]] += o[g];
            }
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        BigIntVector v = (BigIntVector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            v.set(g, counts[g]);
        }
        v.setValueCount(groups);
    }
}
