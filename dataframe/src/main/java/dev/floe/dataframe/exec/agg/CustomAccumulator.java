package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.Aggregation;
import dev.floe.expressions.Values;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * A user-defined {@link Aggregation}: the general path, one Java object per value. State: the user's
 * state object per group ({@code null} until the group sees a value). Groups merge left to right, so
 * an order-sensitive aggregation sees partitions in file order.
 */
public final class CustomAccumulator<S> implements Accumulator {
    private final Aggregation<S> aggregation;
    private Object[] states = new Object[0];

    @SuppressWarnings("unchecked")
    CustomAccumulator(Aggregation<?> aggregation) {
        this.aggregation = (Aggregation<S>) aggregation;
    }

    @Override
    public void resize(int groups) {
        if (states.length < groups) {
            states = Arrays.copyOf(states, Math.max(groups, states.length * 2));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void update(int[] groupIds, int rows, FieldVector input) {
        for (int i = 0; i < rows; i++) {
            if (!input.isNull(i)) {
                int g = groupIds[i];
                S s = states[g] == null ? aggregation.create() : (S) states[g];
                states[g] = aggregation.update(s, Values.get(input, i));
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void merge(Accumulator other, int[] mapping) {
        Object[] o = ((CustomAccumulator<S>) other).states;
        for (int g = 0; g < mapping.length; g++) {
            int t = mapping[g];
            if (t < 0 || o[g] == null) {
                continue;
            }
            states[t] = states[t] == null ? o[g] : aggregation.merge((S) states[t], (S) o[g]);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void evaluate(FieldVector out, int groups) {
        out.setInitialCapacity(Math.max(1, groups));
        out.allocateNew();
        for (int g = 0; g < groups; g++) {
            S s = states[g] == null ? aggregation.create() : (S) states[g];
            ValueWriter.write(out, aggregation.resultType(), g, aggregation.finish(s));
        }
        out.setValueCount(groups);
    }
}
