package dev.floe.dataframe.exec;

import dev.floe.dataframe.exec.agg.AggregateState;
import dev.floe.dataframe.exec.agg.PartitionedState;
import dev.floe.expressions.Schema;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskGraph;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The combine and finalize steps of an aggregation, choosing their strategy from the size of the
 * partial results they meet.
 *
 * <pre>
 *   few groups:   combine = merge the inputs into the first one          (one task, Dask's tree)
 *   many groups:  once a merged state passes {@code splitOutGroups} groups it is split into P hash
 *                 buckets; from then on combine merges bucket b of every input in a task of its own
 *                 (a nested computation on the same scheduler), and finalize turns each bucket into
 *                 a batch in parallel — no single task merges every group (Dask's split_out)
 * </pre>
 */
record Combiner(Scheduler scheduler, int buckets, long splitOutGroups) implements Serializable {

    /** Merges partial states; {@code cancelled} is polled between merges. */
    Object combine(List<Object> inputs, java.util.function.BooleanSupplier cancelled) {
        boolean partitioned = inputs.stream().anyMatch(i -> i instanceof PartitionedState);
        if (!partitioned) {
            AggregateState first = (AggregateState) inputs.get(0);
            for (int i = 1; i < inputs.size(); i++) {
                PartitionPipeline.checkCancelled(cancelled);
                first.merge((AggregateState) inputs.get(i));
            }
            if (first.groupCount() > splitOutGroups && !first.layout().keyTypes().isEmpty()) {
                return new PartitionedState(Arrays.asList(first.split(buckets)));
            }
            return first;
        }
        List<List<AggregateState>> parts = new ArrayList<>();
        for (Object in : inputs) {
            parts.add(in instanceof PartitionedState p ? p.buckets() : Arrays.asList(((AggregateState) in).split(buckets)));
        }
        TaskGraph.Builder graph = TaskGraph.builder();
        List<String> keys = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            int bucket = b;
            String key = "merge-bucket-" + b;
            graph.add(key, List.of(), (ctx, none) -> {
                AggregateState first = parts.get(0).get(bucket);
                for (int i = 1; i < parts.size(); i++) {
                    PartitionPipeline.checkCancelled(cancelled);
                    first.merge(parts.get(i).get(bucket));
                }
                return first;
            });
            keys.add(key);
        }
        Map<String, Object> merged = scheduler.compute(graph.build(), keys);
        List<AggregateState> out = new ArrayList<>();
        keys.forEach(k -> out.add((AggregateState) merged.get(k)));
        return new PartitionedState(out);
    }

    RowBatches finish(Object state, Schema schema, BufferAllocator allocator) {
        if (state instanceof AggregateState s) {
            return RowBatches.of(s.toBatch(schema.toArrow(), allocator));
        }
        List<AggregateState> parts = ((PartitionedState) state).buckets();
        TaskGraph.Builder graph = TaskGraph.builder();
        List<String> keys = new ArrayList<>();
        for (int b = 0; b < parts.size(); b++) {
            AggregateState bucket = parts.get(b);
            String key = "finalize-bucket-" + b;
            graph.add(key, List.of(), (ctx, none) -> RowBatches.of(bucket.toBatch(schema.toArrow(), allocator)));
            keys.add(key);
        }
        Map<String, Object> batches = scheduler.compute(graph.build(), keys);
        RowBatches out = new RowBatches();
        for (String k : keys) {
            RowBatches part = (RowBatches) batches.get(k);
            for (VectorSchemaRoot b : part.batches()) {
                out.add(b);
            }
        }
        return out;
    }
}
