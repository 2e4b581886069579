package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cancel() stops a long inner loop within a bounded time and returns every held result (probes at zero). */
class CancelLatencyTest {

    private static final long BOUND_MS = 200;

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 4})
    void aLoopThatPollsStopsWithinTheBoundAndHeldResultsAreClosed(int threads) throws Exception {
        Probes probes = new Probes();
        CountDownLatch looping = new CountDownLatch(1);
        AtomicLong exitedAt = new AtomicLong();
        AtomicLong iterations = new AtomicLong();
        TaskGraph.Builder builder = TaskGraph.builder();
        for (int i = 0; i < 3; i++) {
            int value = i;
            builder.add("batch-" + i, List.of(), (c, in) -> probes.create("batch-" + value, value));
        }
        builder.add("loop", List.of("batch-0"), (c, in) -> {
            looping.countDown();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                long x = ((Probe) in.get(0)).value();
                while (System.nanoTime() < deadline) {
                    c.checkCancelled(); // once per "batch" of work
                    for (int k = 0; k < 10_000; k++) {
                        x = x * 6364136223846793005L + 1442695040888963407L;
                    }
                    iterations.incrementAndGet();
                }
                return x;
            } finally {
                exitedAt.set(System.nanoTime());
            }
        });
        builder.add("sum", List.of("loop", "batch-1", "batch-2"), (c, in) -> probes.create("sum", 0));
        try (Scheduler scheduler = Scheduler.create(threads)) {
            Computation computation = scheduler.submit(builder.build(), List.of("sum"));
            assertTrue(looping.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);
            long cancelledAt = System.nanoTime();
            assertTrue(computation.cancel());
            assertThrows(CancelledException.class, computation::get);
            long getMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
            assertTrue(getMillis < 50, "get() took " + getMillis + " ms after cancel()");

            assertTrue(computation.awaitQuiescence(BOUND_MS, TimeUnit.MILLISECONDS), "not quiescent within the bound");
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(exitedAt.get() - cancelledAt);
            assertTrue(exitedAt.get() > 0 && stopMillis < BOUND_MS, "the loop stopped " + stopMillis + " ms after cancel()");
            assertTrue(iterations.get() > 0);
            assertEquals(List.of(), probes.stillOpen(), "held results must be closed");
            assertEquals(0, probes.openCount());
            assertEquals(List.of(), probes.closedTwice());
            assertTrue(probes.created() >= 1);
            assertEquals(0, scheduler.activeComputations());
            // and the pool is usable
            assertEquals(TreeReduction.expected(10), scheduler.compute(TreeReduction.sum(10, 3), "total"));
        }
    }
}
