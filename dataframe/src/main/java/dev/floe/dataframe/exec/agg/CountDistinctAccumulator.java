package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.Values;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code nunique(x)} / {@code count(DISTINCT x)}: the exact number of distinct non-NULL values per group
 * (NaN counts once). State: one hash set of values ({@code Values.get} form) per group; merging is a
 * union. Exact, so its memory grows with the number of distinct values.
 */
public final class CountDistinctAccumulator implements Accumulator {
    private Set<Object>[] sets = newSets(0);

    @SuppressWarnings("unchecked")
    private static Set<Object>[] newSets(int n) {
        return (Set<Object>[]) new Set<?>[n];
    }

    @Override
    public void resize(int groups) {
        if (sets.length < groups) {
            sets = Arrays.copyOf(sets, Math.max(groups, sets.length * 2));
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        for (int i = 0; i < rows; i++) {
            if (!input.isNull(i)) {
                set(groupIds[i]).add(Values.get(input, i));
            }
        }
    }

    private Set<Object> set(int g) {
        Set<Object> s = sets[g];
        if (s == null) {
            s = new HashSet<>();
            sets[g] = s;
        }
        return s;
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        CountDistinctAccumulator o = (CountDistinctAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            if (o.sets[g] != null && mapping[g] >= 0) {
                set(mapping[g]).addAll(o.sets[g]);
            }
        }
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        BigIntVector v = (BigIntVector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            v.set(g, sets[g] == null ? 0 : sets[g].size());
        }
        v.setValueCount(groups);
    }
}
