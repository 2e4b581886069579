package dev.floe.dataframe.exec;

import java.util.List;

/** A task's rows split into numbered buckets that may have spilled to disk, owned until closed. */
final class SpilledBuckets implements AutoCloseable {
    private final List<SpillableRows> buckets;
    private final boolean owner;

    SpilledBuckets(List<SpillableRows> buckets) {
        this(buckets, true);
    }

    private SpilledBuckets(List<SpillableRows> buckets, boolean owner) {
        this.buckets = List.copyOf(buckets);
        this.owner = owner;
    }

    /** The same buckets, read-only: closing the view frees nothing (the owner stays responsible). */
    SpilledBuckets view() {
        return new SpilledBuckets(buckets, false);
    }

    SpillableRows bucket(int i) {
        return buckets.get(i);
    }

    int size() {
        return buckets.size();
    }

    @Override
    public void close() {
        if (owner) {
            buckets.forEach(SpillableRows::close);
        }
    }
}
