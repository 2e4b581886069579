package dev.floe.dataframe.exec;

import java.util.List;

/** A task's rows split into numbered buckets that may have spilled to disk, owned until closed. */
final class SpilledBuckets implements AutoCloseable {
    private final List<SpillableRows> buckets;

    SpilledBuckets(List<SpillableRows> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    SpillableRows bucket(int i) {
        return buckets.get(i);
    }

    int size() {
        return buckets.size();
    }

    @Override
    public void close() {
        buckets.forEach(SpillableRows::close);
    }
}
