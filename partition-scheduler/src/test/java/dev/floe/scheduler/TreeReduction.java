package dev.floe.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The graph of a split_every-style tree reduction: {@code leaves} "chunk" tasks, "combine" tasks
 * that each sum up to {@code splitEvery} inputs, level after level, and one "finalize" task
 * {@value #TOTAL}. Values are plain {@code Long}s, or {@link Probe}s when a {@link Probes} is given.
 */
final class TreeReduction {

    static final String TOTAL = "total";

    private TreeReduction() {}

    static TaskGraph sum(int leaves, int splitEvery) {
        return build(leaves, splitEvery, null, i -> leafFunction(i, null));
    }

    static TaskGraph sumOfProbes(int leaves, int splitEvery, Probes probes) {
        return build(leaves, splitEvery, probes, i -> leafFunction(i, probes));
    }

    /** Leaf {@code i} runs {@code leaf.apply(i)} instead of producing {@code i}. */
    static TaskGraph build(int leaves, int splitEvery, Probes probes, IntFunction<TaskFunction> leaf) {
        TaskGraph.Builder graph = TaskGraph.builder();
        List<String> level = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            String key = "chunk-" + i;
            graph.add(new Task(key, List.of(), leaf.apply(i), "chunk", "file:/data/part-" + i + ".csv"));
            level.add(key);
        }
        for (int depth = 1; level.size() > splitEvery; depth++) {
            List<String> next = new ArrayList<>();
            for (int start = 0; start < level.size(); start += splitEvery) {
                String key = "combine-" + depth + "-" + next.size();
                List<String> inputs = level.subList(start, Math.min(level.size(), start + splitEvery));
                graph.add(new Task(key, inputs, sumFunction(key, probes), "combine", ""));
                next.add(key);
            }
            level = next;
        }
        graph.add(new Task(TOTAL, level, sumFunction(TOTAL, null), "finalize", ""));
        return graph.build();
    }

    static long expected(int leaves) {
        long sum = 0;
        for (int i = 0; i < leaves; i++) {
            sum += i;
        }
        return sum;
    }

    private static TaskFunction leafFunction(int i, Probes probes) {
        return (context, inputs) -> probes == null ? Long.valueOf(i) : probes.create("chunk-" + i, i);
    }

    private static TaskFunction sumFunction(String key, Probes probes) {
        return (context, inputs) -> {
            long sum = 0;
            for (Object input : inputs) {
                sum += input instanceof Probe probe ? probe.value() : (Long) input;
            }
            return probes == null ? Long.valueOf(sum) : probes.create(key, sum);
        };
    }

    /** 0 means {@link Scheduler#synchronous()}. */
    static Scheduler scheduler(int threads) {
        return threads == 0 ? Scheduler.synchronous() : Scheduler.create(threads);
    }
}
