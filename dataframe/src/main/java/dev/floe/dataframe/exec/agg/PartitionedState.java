package dev.floe.dataframe.exec.agg;

import java.io.Serializable;
import java.util.List;

/**
 * An aggregation's partial result spread over hash buckets ({@link AggregateState#split}): what
 * combine tasks pass on once the groups are too many for one task to merge alone. Bucket b of every
 * partial result holds the same keys, so buckets are merged, and finalized, independently.
 */
public record PartitionedState(List<AggregateState> buckets) implements Serializable {
    public PartitionedState {
        buckets = List.copyOf(buckets);
    }

    public long groupCount() {
        return buckets.stream().mapToLong(AggregateState::groupCount).sum();
    }
}
