package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackPressureTest {

    /** Counts the chunk tasks running at once. */
    private static final class Gauge {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        TaskFunction sleeper(int i) {
            return (context, inputs) -> {
                max.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(4);
                } finally {
                    now.decrementAndGet();
                }
                return (long) i;
            };
        }
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(ints = {1, 2, 3})
    void noMoreThanTheLimitRunAtOnce(int limit) {
        Gauge gauge = new Gauge();
        try (Scheduler scheduler = Scheduler.create(4)) {
            TaskGraph graph = TreeReduction.build(24, 4, null, gauge::sleeper);
            Computation computation = scheduler.submit(graph, List.of("total"),
                    SubmitOptions.defaults().withMaxTasksInFlight(limit));
            assertEquals(TreeReduction.expected(24), computation.get().get("total"));
        }
        assertEquals(limit, gauge.max.get(), "most chunk tasks running at once");
    }

    @Test
    void withoutALimitTheSameGraphRunsWider() {
        Gauge gauge = new Gauge();
        try (Scheduler scheduler = Scheduler.create(4)) {
            scheduler.compute(TreeReduction.build(24, 4, null, gauge::sleeper), "total");
        }
        assertTrue(gauge.max.get() > 2, "max in flight without a limit: " + gauge.max.get());
    }

    @Test
    void withOneInFlightTasksStartInTheStaticDepthFirstOrder() {
        List<String> started = new CopyOnWriteArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void taskStarted(String key, String kind) {
                started.add(key);
            }
        };
        TaskGraph graph = TreeReduction.sum(9, 3);
        try (Scheduler scheduler = Scheduler.create(3)) {
            scheduler.submit(graph, List.of("total"),
                    SubmitOptions.defaults().withMaxTasksInFlight(1).withListener(recorder)).get();
        }
        assertEquals(List.of("chunk-0", "chunk-1", "chunk-2", "combine-1-0", "chunk-3", "chunk-4", "chunk-5",
                "combine-1-1", "chunk-6", "chunk-7", "chunk-8", "combine-1-2", "total"), started);
        assertEquals(graph.order(List.of("total")), started);
    }

    @Test
    void aNestedComputationWithALimitOfOneDoesNotDeadlockOneThread() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Scheduler scheduler = Scheduler.create(1)) {
                SubmitOptions one = SubmitOptions.defaults().withMaxTasksInFlight(1);
                TaskGraph outer = TreeReduction.build(3, 2, null, i -> (context, inputs) ->
                        scheduler.submit(TreeReduction.sum(i + 4, 2), List.of("total"), one).get().get("total"));
                long expected = TreeReduction.expected(4) + TreeReduction.expected(5) + TreeReduction.expected(6);
                assertEquals(expected, scheduler.submit(outer, List.of("total"), one).get().get("total"));
            }
        });
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmitOptions.defaults().withMaxTasksInFlight(0));
        assertEquals("maxTasksInFlight must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SubmitOptions.defaults().withRetries(-1));
        assertEquals("retries must be >= 0, got -1", e.getMessage());
        assertEquals(SubmitOptions.UNBOUNDED, SubmitOptions.defaults().maxTasksInFlight());
        assertEquals(0, SubmitOptions.defaults().retries());
    }
}
