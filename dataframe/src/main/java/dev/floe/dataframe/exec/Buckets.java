package dev.floe.dataframe.exec;

import java.util.List;

/** A task's rows split into numbered buckets (by key hash, or evenly), owned until closed. */
final class Buckets implements AutoCloseable {
    private final List<RowBatches> buckets;

    Buckets(List<RowBatches> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    RowBatches bucket(int i) {
        return buckets.get(i);
    }

    int size() {
        return buckets.size();
    }

    @Override
    public void close() {
        buckets.forEach(RowBatches::close);
    }
}
