package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void fiftyComputationsFromEightThreadsAreAllCorrect() {
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            Probes probes = new Probes();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try (Scheduler scheduler = Scheduler.create(4)) {
                List<Future<Object>> results = new ArrayList<>();
                for (int c = 0; c < 50; c++) {
                    int leaves = 1 + c * 3;
                    results.add(callers.submit(() ->
                            scheduler.compute(TreeReduction.sumOfProbes(leaves, 1 + leaves % 7 + 1, probes), "total")));
                }
                for (int c = 0; c < 50; c++) {
                    assertEquals(TreeReduction.expected(1 + c * 3), results.get(c).get(), "computation " + c);
                }
            } finally {
                callers.shutdownNow();
            }
            assertEquals(List.of(), probes.stillOpen());
            assertEquals(List.of(), probes.closedTwice());
        });
    }

    @Test
    void theSharedSchedulerServesConcurrentCallers() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                results.add(callers.submit(() -> Scheduler.shared().compute(TreeReduction.sum(64, 8), "total")));
            }
            for (Future<Object> result : results) {
                assertEquals(TreeReduction.expected(64), result.get(10, TimeUnit.SECONDS));
            }
            Scheduler.shared().close();
            assertEquals(TreeReduction.expected(3), Scheduler.shared().compute(TreeReduction.sum(3, 2), "total"));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aShortComputationIsNotStarvedByALongOneStartedEarlier() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Scheduler scheduler = Scheduler.create(1)) {
                CountDownLatch longStarted = new CountDownLatch(1);
                TaskGraph slow = TreeReduction.build(200, 8, null, i -> (context, inputs) -> {
                    longStarted.countDown();
                    Thread.sleep(5);
                    return (long) i;
                });
                Computation longOne = scheduler.submit(slow, List.of("total"));
                assertTrue(longStarted.await(5, TimeUnit.SECONDS));

                assertEquals(TreeReduction.expected(3), scheduler.compute(TreeReduction.sum(3, 8), "total"));

                assertFalse(longOne.isDone(), "the short computation should finish while the long one runs");
                longOne.cancel();
                assertTrue(longOne.awaitQuiescence(5, TimeUnit.SECONDS));
            }
        });
    }
}
