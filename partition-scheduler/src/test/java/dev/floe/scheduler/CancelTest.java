package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancelTest {

    /** Blocks until its context says cancelled (or 10 s, so that a broken scheduler fails the test). */
    private static Object blockUntilCancelled(TaskContext context, CountDownLatch started) throws InterruptedException {
        started.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!context.isCancelled() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        context.checkCancelled();
        return "not cancelled";
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void cancelStopsABlockedTaskPromptlyAndClosesHeldResults(int threads) throws Exception {
        Probes probes = new Probes();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Boolean> done = new AtomicReference<>();
        AtomicBoolean blockerSawCancel = new AtomicBoolean();
        AtomicBoolean inputOpenAtEnd = new AtomicBoolean();
        TaskGraph graph = TaskGraph.builder()
                .add("held", List.of(), (c, in) -> probes.create("held", 1))
                .add("pinned", List.of(), (c, in) -> probes.create("pinned", 2))
                .add("blocker", List.of("pinned"), (c, in) -> {
                    try {
                        return blockUntilCancelled(c, started);
                    } finally {
                        blockerSawCancel.set(c.isCancelled());
                        inputOpenAtEnd.set(((Probe) in.get(0)).isOpen());
                    }
                })
                .add("never", List.of("held", "blocker"), (c, in) -> probes.create("never", 3))
                .build();
        try (Scheduler scheduler = Scheduler.create(threads)) {
            Computation computation = scheduler.submit(graph, List.of("never"), new ProgressListener() {
                @Override
                public void done(boolean success) {
                    done.set(success);
                }
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertTrue(computation.cancel());
                assertThrows(CancelledException.class, computation::get);
            });

            assertFalse(computation.cancel(), "cancel twice");
            assertTrue(computation.isDone());
            assertEquals(Boolean.FALSE, done.get());
            assertTrue(computation.awaitQuiescence(5, TimeUnit.SECONDS));
            assertTrue(blockerSawCancel.get());
            assertTrue(inputOpenAtEnd.get(), "an input is never closed under a running task");
            assertEquals(List.of(), probes.stillOpen());
            assertEquals(List.of(), probes.closedTwice());
            assertEquals(2, probes.created(), "'never' must not start");
            assertEquals(TreeReduction.expected(10), scheduler.compute(TreeReduction.sum(10, 3), "total"));
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {0, 1})
    void interruptingAWaitingCallerCancels(int threads) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        TaskGraph graph = TaskGraph.builder().add("block", List.of(), (c, in) -> blockUntilCancelled(c, started)).build();
        try (Scheduler scheduler = TreeReduction.scheduler(threads)) {
            Computation computation = scheduler.submit(graph, List.of("block"));
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    computation.get();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            if (threads > 0) {
                assertTrue(started.await(5, TimeUnit.SECONDS));
            }
            // On the synchronous scheduler the caller runs the task itself: cancel from outside instead.
            if (threads == 0) {
                assertTrue(started.await(5, TimeUnit.SECONDS));
                computation.cancel();
            } else {
                caller.interrupt();
            }
            caller.join(5_000);
            assertFalse(caller.isAlive());
            assertTrue(thrown.get() instanceof CancelledException, "thrown: " + thrown.get());
            assertTrue(computation.isDone());
            assertTrue(computation.awaitQuiescence(5, TimeUnit.SECONDS));
        }
    }
}
