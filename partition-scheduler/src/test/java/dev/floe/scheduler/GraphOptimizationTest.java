package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GraphOptimizationTest {

    private static List<String> keys(TaskGraph graph) {
        List<String> keys = new ArrayList<>();
        graph.tasks().forEach(task -> keys.add(task.key()));
        return keys;
    }

    @Test
    void cullKeepsOnlyWhatTheOutputsNeed() {
        TaskGraph graph = TreeReduction.sum(6, 2);  // combine-2-1 = combine(combine-1-2 = combine(chunk-4, chunk-5))
        assertEquals(List.of("chunk-0", "chunk-1", "combine-1-0"), keys(graph.cull(List.of("combine-1-0"))));
        assertEquals(List.of("chunk-0", "chunk-1", "chunk-4", "chunk-5", "combine-1-0", "combine-1-2", "combine-2-1"),
                keys(graph.cull(List.of("combine-2-1", "combine-1-0"))));
        assertSame(graph, graph.cull(List.of(TreeReduction.TOTAL)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph.cull(List.of("x")));
        assertEquals("output 'x' is not a task of the graph (12 tasks)", e.getMessage());
    }

    /** read-i -> filter-i -> chunk-i for two partitions, then combine(chunk-0, chunk-1). */
    private static TaskGraph pipelines(Probes probes, List<String> events) {
        TaskGraph.Builder graph = TaskGraph.builder();
        for (int i = 0; i < 2; i++) {
            int partition = i;
            graph.add(new Task("read-" + i, List.of(), (context, inputs) -> {
                events.add("run " + context.key());
                return probes.create("read-" + partition, 10 * partition + 1);
            }, "read-csv", "file:/part-" + i + ".csv"));
            graph.add(new Task("filter-" + i, List.of("read-" + i), (context, inputs) -> {
                events.add("run " + context.key());
                return probes.create("filter-" + partition, ((Probe) inputs.get(0)).value() * 2);
            }, "filter", ""));
            graph.add(new Task("chunk-" + i, List.of("filter-" + i), (context, inputs) -> {
                events.add("run " + context.key());
                return ((Probe) inputs.get(0)).value() + 1;
            }, "chunk", ""));
        }
        graph.add(new Task("combine", List.of("chunk-0", "chunk-1"),
                (context, inputs) -> (Long) inputs.get(0) + (Long) inputs.get(1), "combine", ""));
        return graph.build();
    }

    @Test
    void fuseMergesLinearChainsIntoTheirLastTask() {
        TaskGraph fused = pipelines(new Probes(), new ArrayList<>()).fuseLinearChains(List.of("combine"));

        assertEquals(List.of("chunk-0", "chunk-1", "combine"), keys(fused));
        Task chunk1 = fused.task("chunk-1");
        assertEquals(List.of(), chunk1.dependencies());
        assertEquals("read-csv+filter+chunk", chunk1.kind());
        assertEquals("file:/part-1.csv", chunk1.description());
        assertEquals(List.of("chunk-0", "chunk-1"), fused.task("combine").dependencies());
        assertEquals("combine", fused.task("combine").kind());
    }

    @Test
    void fuseNeverMergesAnOutputAway() {
        TaskGraph fused = pipelines(new Probes(), new ArrayList<>()).fuseLinearChains(List.of("combine", "filter-0"));

        assertEquals(List.of("filter-0", "chunk-0", "chunk-1", "combine"), keys(fused));
        assertEquals("read-csv+filter", fused.task("filter-0").kind());
        assertEquals("chunk", fused.task("chunk-0").kind());
        assertEquals(List.of("filter-0"), fused.task("chunk-0").dependencies());
    }

    @Test
    void fusedGraphComputesTheSameAndClosesIntermediatesInsideTheChain() {
        List<String> events = new CopyOnWriteArrayList<>();
        Probes probes = new Probes(events);
        TaskGraph fused = pipelines(probes, events).fuseLinearChains(List.of("combine"));

        Map<String, Object> result = Scheduler.synchronous().compute(fused, List.of("combine"));

        assertEquals(Map.of("combine", (1 * 2 + 1) + (11 * 2 + 1L)), result);
        assertEquals(List.of("run read-0", "run filter-0", "close read-0", "run chunk-0", "close filter-0",
                "run read-1", "run filter-1", "close read-1", "run chunk-1", "close filter-1"), events);
        assertEquals(List.of(), probes.stillOpen());
        assertEquals(List.of(), probes.closedTwice());
    }
}
