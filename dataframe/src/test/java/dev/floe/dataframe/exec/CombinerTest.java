package dev.floe.dataframe.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.floe.dataframe.exec.agg.AggregateLayout;
import dev.floe.dataframe.exec.agg.AggregateState;
import dev.floe.dataframe.exec.agg.PartitionedState;
import dev.floe.expressions.AggregateFunction;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Past splitOutGroups, combine switches to hash buckets; the buckets finalize to the same answer. */
class CombinerTest {
    private static final AggregateLayout LAYOUT = new AggregateLayout(List.of(FloeType.INT64),
            List.of(AggregateFunction.COUNT_STAR, AggregateFunction.SUM), List.of(FloeType.INT64, FloeType.INT64),
            List.of("count_star()", "sum(v)"));

    private static AggregateState state(BufferAllocator a, long from, long to) {
        AggregateState s = new AggregateState(LAYOUT);
        try (BigIntVector k = new BigIntVector("k", a)) {
            int n = (int) (to - from);
            k.allocateNew(n);
            for (int i = 0; i < n; i++) {
                k.set(i, (from + i) % 5000);
            }
            k.setValueCount(n);
            s.update(new FieldVector[] {k}, new FieldVector[] {null, k}, n, new int[n]);
        }
        return s;
    }

    @Test
    void splitsOnceGroupsAreManyAndGivesTheSameAnswer() {
        try (BufferAllocator a = new RootAllocator(); Scheduler pool = Scheduler.create(2)) {
            Combiner combiner = new Combiner(pool, 4, 1000);
            List<Object> level1 = new ArrayList<>();
            for (int part = 0; part < 4; part++) {
                level1.add(combiner.combine(List.of(state(a, part * 6000L, part * 6000L + 3000),
                        state(a, part * 6000L + 3000, part * 6000L + 6000)), () -> false));
            }
            level1.forEach(s -> assertInstanceOf(PartitionedState.class, s));
            Object top = combiner.combine(level1, () -> false);
            assertInstanceOf(PartitionedState.class, top);
            Schema schema = Schema.of(new Field("k", FloeType.INT64), new Field("n", FloeType.INT64),
                    new Field("s", FloeType.INT64));
            TreeMap<Long, long[]> got = new TreeMap<>();
            try (RowBatches rows = combiner.finish(top, schema, a)) {
                for (VectorSchemaRoot b : rows.batches()) {
                    for (int i = 0; i < b.getRowCount(); i++) {
                        got.put(((BigIntVector) b.getVector(0)).get(i), new long[] {
                                ((BigIntVector) b.getVector(1)).get(i), ((BigIntVector) b.getVector(2)).get(i)});
                    }
                }
            }
            assertEquals(5000, got.size());
            for (long k = 0; k < 5000; k++) {
                // keys k, k+5000, ..., below 24000: each key appears 5 times (k < 4000) or 4 times
                long count = 0;
                long sum = 0;
                for (long v = k; v < 24_000; v += 5000) {
                    count++;
                    sum += k;
                }
                assertEquals(count, got.get(k)[0], "count of " + k);
                assertEquals(sum, got.get(k)[1], "sum of " + k);
            }
        }
    }
}
