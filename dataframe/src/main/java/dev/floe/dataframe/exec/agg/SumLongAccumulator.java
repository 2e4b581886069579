package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.EvaluationException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code sum(x)} of BIGINT, with overflow detected rather than wrapped. State: {@code long[] sums},
 * {@code boolean[] seen} (a group with no non-NULL value sums to NULL).
 */
public final class SumLongAccumulator implements Accumulator {
    private final String description;
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];

    public SumLongAccumulator(String description) {
        this.description = description;
    }

    @Override
    public void resize(int groups) {
        if (sums.length < groups) {
            int n = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, n);
            seen = Arrays.copyOf(seen, n);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        ArrowBuf data = input.getDataBuffer();
        boolean noNulls = input.getNullCount() == 0;
        try {
            for (int i = 0; i < rows; i++) {
                if (noNulls || !input.isNull(i)) {
                    int g = groupIds[i];
                    sums[g] = Math.addExact(sums[g], data.getLong((long) i * 8));
                    seen[g] = true;
                }
            }
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        SumLongAccumulator o = (SumLongAccumulator) other;
        try {
            for (int g = 0; g < mapping.length; g++) {
                if (o.seen[g] && mapping[g] >= 0) {
                    int t = mapping[g];
                    sums[t] = Math.addExact(sums[t], o.sums[g]);
                    seen[t] = true;
                }
            }
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    private EvaluationException overflow() {
        return new EvaluationException(description + " overflows BIGINT; cast the input to DOUBLE to sum it");
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        BigIntVector v = (BigIntVector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            if (seen[g]) {
                v.set(g, sums[g]);
            } else {
                v.setNull(g);
            }
        }
        v.setValueCount(groups);
    }
}
