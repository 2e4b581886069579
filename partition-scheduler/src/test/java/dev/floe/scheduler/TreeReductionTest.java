package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The oracle is a plain loop; the knobs are the parallelism (0 = synchronous) and split_every. */
class TreeReductionTest {

    @ParameterizedTest(name = "threads={0} leaves={1} splitEvery={2}")
    @CsvSource({"0,100,8", "1,100,8", "2,100,8", "4,100,8", "2,100,2", "4,1,8", "4,9,3"})
    void sumEqualsAPlainLoop(int threads, int leaves, int splitEvery) throws Exception {
        try (Scheduler scheduler = TreeReduction.scheduler(threads)) {
            Map<String, Object> result = scheduler.compute(TreeReduction.sum(leaves, splitEvery), List.of("total"));
            assertEquals(Map.of("total", TreeReduction.expected(leaves)), result);
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {0, 1, 2, 4})
    void everyIntermediateIsClosedOnceAndMemoryStaysBounded(int threads) throws Exception {
        Probes probes = new Probes();
        try (Scheduler scheduler = TreeReduction.scheduler(threads)) {
            Computation computation = scheduler.submit(TreeReduction.sumOfProbes(100, 8, probes), List.of("total"));
            assertEquals(Map.of("total", TreeReduction.expected(100)), computation.get());
            assertTrue(computation.awaitQuiescence(5, TimeUnit.SECONDS));
        }
        assertEquals(100 + 13 + 2, probes.created());
        assertEquals(List.of(), probes.stillOpen());
        assertEquals(List.of(), probes.closedTwice());
        if (threads <= 1) {
            // Depth-first, one task at a time: 8 leaves + their combine + 7 finished combines waiting
            // for their sibling groups. Breadth-first would hold all 100 leaves. (With more threads,
            // leaves are cheap and run ahead while a combine runs, so the peak depends on timing.)
            assertEquals(16, probes.maxOpen(), "results open at once");
        }
    }
}
