package dev.floe.dataframe.exec.agg;

import java.util.Arrays;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;

/**
 * {@code min(x)}/{@code max(x)} of a value stored as a primitive integer: BIGINT, TIMESTAMP, DATE, BOOLEAN
 * (DECIMAL goes to {@link MinMaxDecimalAccumulator}, which covers every precision).
 * State: {@code long[] values}, {@code boolean[] seen} (NULL for a group with no non-NULL value).
 */
public final class MinMaxLongAccumulator implements Accumulator {
    private final boolean max;
    private final LongGroupTable.Kind kind;
    private long[] values = new long[0];
    private boolean[] seen = new boolean[0];

    public MinMaxLongAccumulator(boolean max, LongGroupTable.Kind kind) {
        this.max = max;
        this.kind = kind;
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
        for (int i = 0; i < rows; i++) {
            if (!input.isNull(i)) {
                offer(groupIds[i], read(input, i));
            }
        }
    }

    private long read(FieldVector input, int i) {
        return switch (kind) {
            case BOOLEAN -> ((BitVector) input).get(i);
            case DATE -> ((BaseFixedWidthVector) input).getDataBuffer().getInt((long) i * 4);
            case DECIMAL -> LongGroupTable.decimalKey(((BaseFixedWidthVector) input).getDataBuffer(), i);
            default -> ((BaseFixedWidthVector) input).getDataBuffer().getLong((long) i * 8);
        };
    }

    private void offer(int g, long x) {
        if (!seen[g] || (max ? x > values[g] : x < values[g])) {
            values[g] = x;
            seen[g] = true;
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        MinMaxLongAccumulator o = (MinMaxLongAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            if (o.seen[g] && mapping[g] >= 0) {
                offer(mapping[g], o.values[g]);
            }
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        out.setInitialCapacity(Math.max(1, groups));
        out.allocateNew();
        for (int g = 0; g < groups; g++) {
            if (!seen[g]) {
                out.setNull(g);
                continue;
            }
            switch (kind) {
                case INT64 -> ((BigIntVector) out).set(g, values[g]);
                case TIMESTAMP -> ((TimeStampMicroVector) out).set(g, values[g]);
                case DATE -> ((DateDayVector) out).set(g, (int) values[g]);
                case BOOLEAN -> ((BitVector) out).set(g, (int) values[g]);
                case DECIMAL -> ((org.apache.arrow.vector.DecimalVector) out).set(g, values[g]);
            }
        }
        out.setValueCount(groups);
    }
}
