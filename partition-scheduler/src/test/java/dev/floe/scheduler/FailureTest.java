package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureTest {

    private static final int BAD = 37;

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {0, 1, 2, 4})
    void firstFailureFailsTheComputationWithTheOriginalCauseAndClosesHeldResults(int threads) throws Exception {
        Probes probes = new Probes();
        IllegalStateException thrown = new IllegalStateException("bad number 'x7' at line 12");
        TaskGraph graph = TreeReduction.build(100, 8, probes, i -> (context, inputs) -> {
            if (i == BAD) {
                throw thrown;
            }
            return probes.create("chunk-" + i, i);
        });
        try (Scheduler scheduler = TreeReduction.scheduler(threads)) {
            Computation computation = scheduler.submit(graph, List.of("total"));

            TaskFailedException e = assertThrows(TaskFailedException.class, computation::get);

            assertEquals("chunk-" + BAD, e.key());
            assertEquals("file:/data/part-" + BAD + ".csv", e.description());
            assertSame(thrown, e.getCause());
            assertEquals("task 'chunk-37' (file:/data/part-37.csv) failed: bad number 'x7' at line 12", e.getMessage());
            assertTrue(computation.isDone());
            assertTrue(computation.awaitQuiescence(5, TimeUnit.SECONDS));
            assertEquals(List.of(), probes.stillOpen());
            assertEquals(List.of(), probes.closedTwice());
            if (threads <= 1) {
                // One task at a time in static order: chunk-0..36 and combine-1-0..3 ran, nothing after.
                assertEquals(37 + 4, probes.created(), "no task may start after the failure");
            }

            // The pool is still usable.
            assertEquals(TreeReduction.expected(50), scheduler.compute(TreeReduction.sum(50, 4), "total"));
        }
    }

    @Test
    void aFailureDoesNotDisturbOtherComputations() {
        assertTimeoutPreemptively(() -> {
            try (Scheduler scheduler = Scheduler.create(2)) {
                TaskGraph slow = TreeReduction.build(40, 4, null, i -> (context, inputs) -> {
                    Thread.sleep(2);
                    return (long) i;
                });
                Computation good = scheduler.submit(slow, List.of("total"));
                TaskGraph failing = TreeReduction.build(10, 4, null, i -> (context, inputs) -> {
                    throw new ArithmeticException("chunk " + i);
                });
                Computation bad = scheduler.submit(failing, List.of("total"));

                assertThrows(TaskFailedException.class, bad::get);
                assertEquals(Map.of("total", TreeReduction.expected(40)), good.get());
            }
        });
    }

    @Test
    void aNestedFailureIsWrappedOnceAtEachLevel() {
        assertTimeoutPreemptively(() -> {
            try (Scheduler scheduler = Scheduler.create(1)) {
                ArithmeticException original = new ArithmeticException("/ by zero");
                TaskGraph inner = TaskGraph.builder()
                        .add(new Task("inner", List.of(), (c, in) -> { throw original; }, "chunk", "file:/x.csv bytes 0-99"))
                        .build();
                TaskGraph outer = TaskGraph.builder()
                        .add(new Task("outer", List.of(), (c, in) -> scheduler.compute(inner, "inner"), "query", ""))
                        .build();

                TaskFailedException e = assertThrows(TaskFailedException.class, () -> scheduler.compute(outer, "outer"));

                assertEquals("outer", e.key());
                assertEquals("task 'outer' failed: task 'inner' (file:/x.csv bytes 0-99) failed: / by zero", e.getMessage());
                TaskFailedException nested = assertInstanceOf(TaskFailedException.class, e.getCause());
                assertEquals("inner", nested.key());
                assertSame(original, nested.getCause());
            }
        });
    }

    @Test
    void aCauseWithoutMessageIsNamedByItsClass() {
        TaskGraph graph = TaskGraph.builder()
                .add("a", List.of(), (c, in) -> { throw new NullPointerException(); })
                .build();
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> Scheduler.synchronous().compute(graph, "a"));
        assertEquals("task 'a' failed: java.lang.NullPointerException", e.getMessage());
    }

    static void assertTimeoutPreemptively(org.junit.jupiter.api.function.Executable body) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), body);
    }
}
