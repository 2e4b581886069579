package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 50 computations of mixed sizes from 8 threads on one pool of 4: some succeed (some with a limit
 * on tasks in flight and a flaky leaf that is retried), some fail in a given chunk, some are
 * cancelled while a task blocks. Every outcome is checked against what was planned, every probe is
 * closed exactly once, and the pool is idle and usable afterwards.
 */
class StressTest {

    private enum Plan { SUCCEED, RETRY, FAIL, CANCEL }

    private static Plan plan(int c) {
        if (c % 5 == 0) {
            return Plan.FAIL;
        }
        if (c % 7 == 3) {
            return Plan.CANCEL;
        }
        return c % 3 == 1 ? Plan.RETRY : Plan.SUCCEED;
    }

    /** What one caller saw: the value, or the exception get() threw. */
    private record Outcome(Object value, RuntimeException error, Computation computation) {}

    @Test
    void fiftyMixedComputationsFromEightThreadsAllEndAsPlanned() {
        assertTimeoutPreemptively(Duration.ofSeconds(25), () -> {
            Probes probes = new Probes();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            ConcurrentHashMap<Integer, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();
            try (Scheduler scheduler = Scheduler.create(4)) {
                List<Future<Outcome>> futures = new ArrayList<>();
                for (int c = 0; c < 50; c++) {
                    int id = c;
                    int leaves = 1 + (c * 37) % 90;
                    int failAt = leaves / 2;
                    Plan plan = plan(c);
                    CountDownLatch blocking = new CountDownLatch(1);
                    TaskGraph graph = TreeReduction.build(leaves, 2 + c % 6, probes, i -> (context, inputs) -> {
                        if (plan == Plan.FAIL && i == failAt) {
                            throw new IllegalStateException("boom in computation " + id + " at chunk " + i);
                        }
                        if (plan == Plan.RETRY && i == failAt
                                && flakyCalls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                            throw new IOException("connection reset in computation " + id);
                        }
                        if (plan == Plan.CANCEL && i == failAt) {
                            blocking.countDown();
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                            while (System.nanoTime() < deadline) {
                                context.checkCancelled();
                                Thread.sleep(1);
                            }
                            throw new AssertionError("computation " + id + " was never cancelled");
                        }
                        Thread.sleep(i % 3 == 0 ? 1 : 0);
                        context.reportProgress(1, 8);
                        return probes.create("c" + id + "-chunk-" + i, i);
                    });
                    SubmitOptions options = plan == Plan.RETRY
                            ? SubmitOptions.defaults().withMaxTasksInFlight(2).withRetries(2).withRetryBackoff(Duration.ofMillis(1))
                            : SubmitOptions.defaults();
                    futures.add(callers.submit(() -> {
                        Computation computation = scheduler.submit(graph, List.of("total"), options);
                        if (plan == Plan.CANCEL) {
                            assertTrue(blocking.await(15, TimeUnit.SECONDS), "computation " + id + " never blocked");
                            computation.cancel();
                        }
                        try {
                            return new Outcome(computation.get().get("total"), null, computation);
                        } catch (RuntimeException e) {
                            return new Outcome(null, e, computation);
                        }
                    }));
                }
                int[] seen = new int[Plan.values().length];
                for (int c = 0; c < 50; c++) {
                    Outcome outcome = futures.get(c).get();
                    int leaves = 1 + (c * 37) % 90;
                    seen[plan(c).ordinal()]++;
                    switch (plan(c)) {
                        case SUCCEED, RETRY -> {
                            assertEquals(null, outcome.error(), "computation " + c);
                            assertEquals(TreeReduction.expected(leaves), outcome.value(), "computation " + c);
                            assertEquals(leaves, outcome.computation().progress().rows(), "computation " + c);
                        }
                        case FAIL -> {
                            TaskFailedException e = assertInstanceOf(TaskFailedException.class, outcome.error());
                            assertEquals("chunk-" + leaves / 2, e.key());
                            assertEquals("boom in computation " + c + " at chunk " + leaves / 2, e.getCause().getMessage());
                            assertEquals(1, e.attempts());
                        }
                        case CANCEL -> assertInstanceOf(CancelledException.class, outcome.error(), "computation " + c);
                        default -> fail();
                    }
                    assertTrue(outcome.computation().awaitQuiescence(5, TimeUnit.SECONDS), "computation " + c);
                }
                assertTrue(seen[Plan.FAIL.ordinal()] >= 5 && seen[Plan.CANCEL.ordinal()] >= 5
                        && seen[Plan.RETRY.ordinal()] >= 5 && seen[Plan.SUCCEED.ordinal()] >= 5, java.util.Arrays.toString(seen));
                assertEquals(0, scheduler.activeComputations(), "the pool is idle");
                assertEquals(TreeReduction.expected(100), scheduler.compute(TreeReduction.sum(100, 8), "total"));
            } finally {
                callers.shutdownNow();
            }
            assertEquals(List.of(), probes.stillOpen());
            assertEquals(List.of(), probes.closedTwice());
            assertTrue(probes.created() > 500, "probes created: " + probes.created());
        });
    }
}
