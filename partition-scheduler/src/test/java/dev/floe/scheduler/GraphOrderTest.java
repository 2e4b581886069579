package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphOrderTest {

    private static final TaskFunction NOTHING = TaskGraphTest.NOTHING;

    @Test
    void treeReductionCombinesAsSoonAsItsInputsArePlaced() {
        TaskGraph graph = TreeReduction.sum(4, 2);
        assertEquals(List.of("chunk-0", "chunk-1", "combine-1-0", "chunk-2", "chunk-3", "combine-1-1", "total"),
                graph.order(List.of("total")));
    }

    @Test
    void partitionChainFinishesBeforeTheNextStarts() {
        TaskGraph graph = TaskGraph.builder()
                .add("read-0", List.of(), NOTHING)
                .add("read-1", List.of(), NOTHING)
                .add("filter-0", List.of("read-0"), NOTHING)
                .add("filter-1", List.of("read-1"), NOTHING)
                .add("sum", List.of("filter-0", "filter-1"), NOTHING)
                .build();
        assertEquals(List.of("read-0", "filter-0", "read-1", "filter-1", "sum"), graph.order(List.of("sum")));
    }

    @Test
    void aDependentIsPlacedAsSoonAsItsLastDependencyIs() {
        TaskGraph graph = TaskGraph.builder()
                .add("p", List.of(), NOTHING)
                .add("q", List.of(), NOTHING)
                .add("f", List.of("p", "q"), NOTHING)
                .add("g", List.of("p"), NOTHING)
                .add("unneeded", List.of("p"), NOTHING)
                .build();
        assertEquals(List.of("p", "g", "q", "f"), graph.order(List.of("f", "g")));
        assertEquals(List.of("p", "q", "f"), graph.order(List.of("f")));
    }

    @Test
    void diamondAndSharedDependencies() {
        TaskGraph graph = TaskGraph.builder()
                .add("d", List.of("b", "c"), NOTHING)
                .add("c", List.of("a"), NOTHING)
                .add("b", List.of("a", "a"), NOTHING)
                .add("a", List.of(), NOTHING)
                .build();
        assertEquals(List.of("a", "c", "b", "d"), graph.order(List.of("d")));
    }

    @Test
    void longChainDoesNotOverflowTheStack() {
        TaskGraph.Builder builder = TaskGraph.builder().add("t0", List.of(), NOTHING);
        for (int i = 1; i < 100_000; i++) {
            builder.add("t" + i, List.of("t" + (i - 1)), NOTHING);
        }
        List<String> order = builder.build().order(List.of("t99999"));
        assertEquals(100_000, order.size());
        assertEquals("t0", order.get(0));
        assertEquals("t99999", order.get(99_999));
    }
}
