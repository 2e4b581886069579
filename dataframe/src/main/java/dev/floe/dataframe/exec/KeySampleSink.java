package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The first step of a range-partitioned sort: a uniform sample (reservoir sampling, seeded by the
 * partition so that runs repeat) of one partition's sort keys, and how many rows the partition has.
 */
final class KeySampleSink implements PartitionSink<KeySampleSink.Sample> {
    /** Up to {@code size} keys drawn uniformly from a partition of {@code rows} rows. */
    record Sample(List<Object[]> keys, long rows) {
    }

    private final SortKeys keys;
    private final int size;
    private final SplittableRandom random;
    private final List<Object[]> reservoir = new ArrayList<>();
    private long seen;

    KeySampleSink(List<Sort.Key> sortKeys, Schema schema, int size, long seed, BufferAllocator allocator) {
        this.keys = new SortKeys(sortKeys, schema, allocator);
        this.size = size;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        int n = batch.getRowCount();
        if (n == 0) {
            return;
        }
        keys.evaluate(batch);
        for (int r = 0; r < n; r++, seen++) {
            if (reservoir.size() < size) {
                reservoir.add(keys.values(r));
            } else {
                long j = random.nextLong(seen + 1);
                if (j < size) {
                    reservoir.set((int) j, keys.values(r));
                }
            }
        }
    }

    @Override
    public Sample result() {
        return new Sample(List.copyOf(reservoir), seen);
    }

    @Override
    public void close() {
        keys.close();
    }
}
