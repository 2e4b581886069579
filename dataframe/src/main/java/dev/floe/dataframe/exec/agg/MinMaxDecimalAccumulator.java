package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.eval.Decimals;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code min(x)}/{@code max(x)} of DECIMAL(p,s), giving the same type, compared in place as 128-bit
 * integers (one column has one scale). State: {@code long[] highs}, {@code long[] lows} (the extreme's
 * two words), {@code boolean[] seen} (NULL for a group with no non-NULL value). No objects at any precision.
 */
public final class MinMaxDecimalAccumulator implements Accumulator {
    private final boolean max;
    private long[] highs = new long[0];
    private long[] lows = new long[0];
    private boolean[] seen = new boolean[0];

    public MinMaxDecimalAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    public void resize(int groups) {
        if (highs.length < groups) {
            int n = Math.max(groups, highs.length * 2);
            highs = Arrays.copyOf(highs, n);
            lows = Arrays.copyOf(lows, n);
            seen = Arrays.copyOf(seen, n);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        ArrowBuf data = input.getDataBuffer();
        boolean noNulls = input.getNullCount() == 0;
        for (int i = 0; i < rows; i++) {
            if (noNulls || !input.isNull(i)) {
                offer(groupIds[i], Decimals.high(data, i), Decimals.low(data, i));
            }
        }
    }

    private void offer(int g, long high, long low) {
        if (!seen[g]) {
            seen[g] = true;
        } else {
            int c = Decimals.compare(high, low, highs[g], lows[g]);
            if (max ? c <= 0 : c >= 0) {
                return;
            }
        }
        highs[g] = high;
        lows[g] = low;
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        MinMaxDecimalAccumulator o = (MinMaxDecimalAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            if (o.seen[g] && mapping[g] >= 0) {
                offer(mapping[g], o.highs[g], o.lows[g]);
            }
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        DecimalVector v = (DecimalVector) out;
        v.allocateNew(Math.max(1, groups));
        ArrowBuf data = v.getDataBuffer();
        for (int g = 0; g < groups; g++) {
            if (seen[g]) {
                Decimals.set(data, g, highs[g], lows[g]);
                BitVectorHelper.setBit(v.getValidityBuffer(), g);
            } else {
                v.setNull(g);
            }
        }
        v.setValueCount(groups);
    }
}
