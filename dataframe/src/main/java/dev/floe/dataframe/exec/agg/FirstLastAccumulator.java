package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Values;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code first(x)} / {@code last(x)}: the first or last non-NULL value of each group in file order.
 * Partitions are numbered in file order and the combine tree merges neighbours left to right, so
 * "first" keeps the state it has and "last" takes the other's. State: {@code Object[] values} in
 * {@code Values.get} form, {@code boolean[] seen}. {@code last} reads only the last row of each group in
 * a batch, so it boxes one value per group per batch, not one per row.
 */
public final class FirstLastAccumulator implements Accumulator {
    private final boolean last;
    private final FloeType type;
    private Object[] values = new Object[0];
    private boolean[] seen = new boolean[0];
    private transient int[] lastRow = new int[0];

    public FirstLastAccumulator(boolean last, FloeType type) {
        this.last = last;
        this.type = type;
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
        if (!last) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (!seen[g] && !input.isNull(i)) {
                    values[g] = Values.get(input, i);
                    seen[g] = true;
                }
            }
            return;
        }
        if (lastRow == null || lastRow.length < values.length) {
            lastRow = new int[values.length];
            Arrays.fill(lastRow, -1);
        }
        int[] touched = new int[Math.min(rows, values.length)];
        int touchedCount = 0;
        for (int i = 0; i < rows; i++) {
            if (!input.isNull(i)) {
                int g = groupIds[i];
                if (lastRow[g] < 0) {
                    touched[touchedCount++] = g;
                }
                lastRow[g] = i;
            }
        }
        for (int t = 0; t < touchedCount; t++) {
            int g = touched[t];
            values[g] = Values.get(input, lastRow[g]);
            seen[g] = true;
            lastRow[g] = -1;
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        FirstLastAccumulator o = (FirstLastAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            int t = mapping[g];
            if (t < 0) {
                continue;
            }
            if (o.seen[g] && (last || !seen[t])) {
                values[t] = o.values[g];
                seen[t] = true;
            }
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        out.setInitialCapacity(Math.max(1, groups));
        out.allocateNew();
        for (int g = 0; g < groups; g++) {
            ValueWriter.write(out, type, g, seen[g] ? values[g] : null);
        }
        out.setValueCount(groups);
    }
}
