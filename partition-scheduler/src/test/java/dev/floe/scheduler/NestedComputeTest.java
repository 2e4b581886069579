package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A task may compute() on its own scheduler: the waiting worker runs the nested graph's tasks. */
class NestedComputeTest {

    /** Each leaf computes a nested reduction of {@code i + 5} leaves, itself {@code depth - 1} deep. */
    private static TaskGraph nested(Scheduler scheduler, int leaves, int depth) {
        if (depth == 0) {
            return TreeReduction.sum(leaves, 3);
        }
        return TreeReduction.build(leaves, 3, null, i -> (context, inputs) ->
                scheduler.compute(nested(scheduler, i + 5, depth - 1), "total"));
    }

    private static long expected(int leaves, int depth) {
        if (depth == 0) {
            return TreeReduction.expected(leaves);
        }
        long sum = 0;
        for (int i = 0; i < leaves; i++) {
            sum += expected(i + 5, depth - 1);
        }
        return sum;
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {0, 1, 2})
    void nestedComputeDoesNotDeadlock(int threads) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Scheduler scheduler = TreeReduction.scheduler(threads)) {
                assertEquals(Map.of("total", expected(6, 1)), scheduler.compute(nested(scheduler, 6, 1), List.of("total")));
                assertEquals(Map.of("total", expected(4, 2)), scheduler.compute(nested(scheduler, 4, 2), List.of("total")));
            }
        });
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void nestedSubmitAndTimedGetFromManyTasksAtOnce(int threads) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Scheduler scheduler = Scheduler.create(threads)) {
                TaskGraph outer = TreeReduction.build(8, 8, null, i -> (context, inputs) ->
                        scheduler.submit(nested(scheduler, 3, 1), List.of("total"))
                                .get(5, java.util.concurrent.TimeUnit.SECONDS).get("total"));
                assertEquals(8 * expected(3, 1), scheduler.compute(outer, "total"));
            }
        });
    }
}
