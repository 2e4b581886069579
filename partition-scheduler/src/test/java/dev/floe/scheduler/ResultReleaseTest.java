package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ResultReleaseTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Probes probes = new Probes(events);

    private TaskFunction probe(long value) {
        return (context, inputs) -> {
            long sum = value;
            for (Object input : inputs) {
                sum += ((Probe) input).value();
            }
            events.add("run " + context.key());
            return probes.create(context.key(), sum);
        };
    }

    @Test
    void aResultIsClosedRightAfterItsLastDependentRan() {
        TaskGraph graph = TaskGraph.builder()
                .add("l0", List.of(), probe(1))
                .add("l1", List.of(), probe(2))
                .add("l2", List.of(), probe(3))
                .add("l3", List.of(), probe(4))
                .add("c0", List.of("l0", "l1"), probe(0))
                .add("c1", List.of("l2", "l3"), probe(0))
                .add("f", List.of("c0", "c1", "l0"), probe(0))
                .build();

        Map<String, Object> result = Scheduler.synchronous().compute(graph, List.of("f"));

        assertEquals(List.of(
                "run l0", "run l1", "run c0", "close l1",
                "run l2", "run l3", "run c1", "close l2", "close l3",
                "run f", "close c0", "close c1", "close l0"), events);
        Probe f = (Probe) result.get("f");
        assertEquals(1 + 2 + 3 + 4 + 1, f.value());
        assertTrue(f.isOpen(), "the output belongs to the caller");
        f.close();
        assertEquals(List.of(), probes.stillOpen());
        assertEquals(List.of(), probes.closedTwice());
    }

    @Test
    void outputsThatOthersDependOnAreKeptForTheCaller() {
        TaskGraph graph = TaskGraph.builder()
                .add("a", List.of(), probe(5))
                .add("b", List.of("a"), probe(1))
                .build();

        Map<String, Object> result = Scheduler.synchronous().compute(graph, List.of("b", "a"));

        assertEquals(List.of("b", "a"), List.copyOf(result.keySet()));
        assertEquals(List.of("run a", "run b"), events);
        result.values().forEach(value -> ((Probe) value).close());
        assertEquals(List.of(), probes.closedTwice());
    }

    @Test
    void aResultPassedThroughIsClosedOnceWhenItsLastHolderLetsGo() {
        TaskGraph graph = TaskGraph.builder()
                .add("a", List.of(), probe(7))
                .add("same", List.of("a"), (context, inputs) -> inputs.get(0))
                .add("b", List.of("same"), probe(0))
                .add("c", List.of("a", "b"), probe(0))
                .build();

        Map<String, Object> result = Scheduler.synchronous().compute(graph, List.of("c", "same"));

        Probe same = (Probe) result.get("same");
        assertTrue(same.isOpen(), "'same' is an output: 'a' must not be closed although its dependents ran");
        assertEquals("a", same.key());
        same.close();
        ((Probe) result.get("c")).close();
        assertEquals(List.of(), probes.stillOpen());
        assertEquals(List.of(), probes.closedTwice());
    }

    @Test
    void emptyOutputsComputeNothing() {
        assertEquals(Map.of(), Scheduler.synchronous().compute(TreeReduction.sum(3, 2), List.of()));
        assertSame(Long.valueOf(1), Scheduler.synchronous().compute(TreeReduction.sum(3, 2), "chunk-1"));
    }
}
