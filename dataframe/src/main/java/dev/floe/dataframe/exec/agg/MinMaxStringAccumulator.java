package dev.floe.dataframe.exec.agg;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code min(x)}/{@code max(x)} of VARCHAR in UTF-8 byte order (the order comparisons use). State:
 * {@code byte[][] values} (null where the group has no value yet). Copies a value only when it becomes
 * the new extreme.
 */
public final class MinMaxStringAccumulator implements Accumulator {
    private final boolean max;
    private byte[][] values = new byte[0][];

    public MinMaxStringAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    public void resize(int groups) {
        if (values.length < groups) {
            values = Arrays.copyOf(values, Math.max(groups, values.length * 2));
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        VarCharVector v = (VarCharVector) input;
        for (int i = 0; i < rows; i++) {
            if (!v.isNull(i)) {
                int g = groupIds[i];
                byte[] current = values[g];
                long start = v.getStartOffset(i);
                int length = v.getValueLength(i);
                if (current == null || better(compare(v, start, length, current))) {
                    byte[] copy = new byte[length];
                    v.getDataBuffer().getBytes(start, copy, 0, length);
                    values[g] = copy;
                }
            }
        }
    }

    private boolean better(int cmp) {
        return max ? cmp > 0 : cmp < 0;
    }

    private static int compare(VarCharVector v, long start, int length, byte[] other) {
        int n = Math.min(length, other.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(v.getDataBuffer().getByte(start + i) & 0xff, other[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(length, other.length);
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        MinMaxStringAccumulator o = (MinMaxStringAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            byte[] x = o.values[g];
            int t = mapping[g];
            if (x != null && t >= 0 && (values[t] == null || better(Arrays.compareUnsigned(x, values[t])))) {
                values[t] = x;
            }
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        VarCharVector v = (VarCharVector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            if (values[g] == null) {
                v.setNull(g);
            } else {
                v.setSafe(g, values[g]);
            }
        }
        v.setValueCount(groups);
    }

    @Override
    public String toString() {
        return "MinMaxString" + (max ? "(max)" : "(min)") + Arrays.stream(values)
                .map(b -> b == null ? "null" : new String(b, StandardCharsets.UTF_8)).toList();
    }
}
