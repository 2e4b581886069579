package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private final ProgressListener recorder = new ProgressListener() {
        @Override
        public void taskStarted(String key, String kind) {
            events.add("start " + key + " " + kind);
        }

        @Override
        public void taskFinished(String key, String kind, long nanos) {
            events.add("finish " + key);
        }

        @Override
        public void done(boolean success) {
            events.add("done " + success);
        }
    };

    @Test
    void synchronousEventsComeInStaticOrder() {
        Computation computation = Scheduler.synchronous().submit(TreeReduction.sum(3, 2), List.of("total"), recorder);
        computation.get();
        assertEquals(List.of(
                "start chunk-0 chunk", "finish chunk-0", "start chunk-1 chunk", "finish chunk-1",
                "start combine-1-0 combine", "finish combine-1-0", "start chunk-2 chunk", "finish chunk-2",
                "start combine-1-1 combine", "finish combine-1-1", "start total finalize", "finish total",
                "done true"), events);
    }

    @Test
    void aFailureEndsWithDoneFalseAndALateListenerHearsTheEndAtOnce() {
        TaskGraph graph = TaskGraph.builder()
                .add("a", List.of(), (c, in) -> 1L)
                .add("b", List.of("a"), (c, in) -> { throw new IllegalStateException("no"); })
                .build();
        Computation computation = Scheduler.synchronous().submit(graph, List.of("b"), recorder);
        try {
            computation.get();
        } catch (TaskFailedException expected) {
            // the events are what this test is about
        }
        computation.addListener(new ProgressListener() {
            @Override
            public void done(boolean success) {
                events.add("late done " + success);
            }
        });
        assertEquals(List.of("start a task", "finish a", "start b task", "done false", "late done false"), events);
    }

    @Test
    void aThrowingListenerDoesNotBreakTheComputation() {
        ProgressListener broken = new ProgressListener() {
            @Override
            public void taskStarted(String key, String kind) {
                throw new IllegalStateException("listener bug");
            }
        };
        assertEquals(TreeReduction.expected(5),
                Scheduler.synchronous().submit(TreeReduction.sum(5, 2), List.of("total"), broken).get().get("total"));
    }

    /**
     * Regression (the shell's progress bar was sometimes left on screen above the result): get() returned
     * as soon as the last task ended, while a worker was still telling the listeners; a caller printing
     * the result raced the bar's erase. Now every listener has heard done before get() returns, and
     * likewise after a failure.
     */
    @Test
    void getReturnsOnlyAfterEveryListenerHeardDone() throws Exception {
        try (Scheduler scheduler = Scheduler.create(2)) {
            for (boolean fail : new boolean[] {false, true}) {
                for (int round = 0; round < 20; round++) {
                    java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
                    ProgressListener slow = new ProgressListener() {
                        @Override
                        public void done(boolean success) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            told.set(true);
                        }
                    };
                    TaskGraph graph = TaskGraph.builder()
                            .add("a", List.of(), (c, in) -> {
                                if (fail) {
                                    throw new IllegalStateException("no");
                                }
                                return 1L;
                            })
                            .build();
                    Computation computation = scheduler.submit(graph, List.of("a"), slow);
                    try {
                        computation.get();
                    } catch (TaskFailedException expected) {
                        // the order of events is what this test is about
                    }
                    assertEquals(true, told.get(), "get() returned before the listener heard done (fail=" + fail + ")");
                }
            }
        }
    }
}
