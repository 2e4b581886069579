package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

    /** "read" throws {@code failures} IOExceptions ("flaky 1", "flaky 2"...), then returns "data"; "use" appends "!". */
    private static TaskGraph flaky(int failures, AtomicInteger calls, Probes probes) {
        return TaskGraph.builder()
                .add("held", List.of(), (c, in) -> probes.create("held", 1))
                .add(new Task("read", List.of(), (c, in) -> {
                    int call = calls.incrementAndGet();
                    if (call <= failures) {
                        throw new IOException("flaky " + call);
                    }
                    return "data";
                }, "read-csv", "file:/data/a.csv bytes 0-99"))
                .add("use", List.of("held", "read"), (c, in) -> ((Probe) in.get(0)).value() + (String) in.get(1) + "!")
                .build();
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {0, 1, 3})
    void aTaskThatFailsTwiceThenSucceedsIsRetried(int threads) {
        AtomicInteger calls = new AtomicInteger();
        Probes probes = new Probes();
        SubmitOptions options = SubmitOptions.defaults().withRetries(2).withRetryBackoff(Duration.ofMillis(1));
        try (Scheduler scheduler = TreeReduction.scheduler(threads)) {
            Computation computation = scheduler.submit(flaky(2, calls, probes), List.of("use"), options);
            assertEquals("1data!", computation.get().get("use"));
            assertEquals(3, calls.get());
            assertEquals(3, computation.profile().task("read").attempts());
            assertTrue(computation.profile().task("read").succeeded());
        }
        assertEquals(List.of(), probes.stillOpen());
    }

    /** What an attempt registers with onRetry runs when that attempt is retried, and never for the one that succeeds. */
    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {0, 2})
    void aFailedAttemptsUndoRunsBeforeTheRetry(int threads) {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();   // a count kept outside the scheduler, as a query's metrics are
        TaskGraph graph = TaskGraph.builder()
                .add("read", List.of(), (c, in) -> {
                    int call = calls.incrementAndGet();
                    total.addAndGet(10);
                    c.onRetry(() -> total.addAndGet(-10));
                    if (call <= 2) {
                        throw new UncheckedIOException(new IOException("flaky " + call));
                    }
                    return total.get();
                })
                .build();
        SubmitOptions options = SubmitOptions.defaults().withRetries(2).withRetryBackoff(Duration.ofMillis(1));
        try (Scheduler scheduler = TreeReduction.scheduler(threads)) {
            assertEquals(10, scheduler.submit(graph, List.of("read"), options).get().get("read"));
            assertEquals(3, calls.get());
            assertEquals(10, total.get());
        }
    }

    @Test
    void theFinalFailureSaysHowManyAttemptsWereMade() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Probes probes = new Probes();
        SubmitOptions options = SubmitOptions.defaults().withRetries(1).withRetryBackoff(Duration.ZERO);
        try (Scheduler scheduler = Scheduler.create(2)) {
            Computation computation = scheduler.submit(flaky(5, calls, probes), List.of("use"), options);
            TaskFailedException e = assertThrows(TaskFailedException.class, computation::get);
            assertEquals("task 'read' (file:/data/a.csv bytes 0-99) failed after 2 attempts: flaky 2", e.getMessage());
            assertEquals(2, e.attempts());
            assertEquals("flaky 2", e.getCause().getMessage());
            assertEquals(2, calls.get());
            assertTrue(computation.awaitQuiescence(5, TimeUnit.SECONDS));
            assertFalse(computation.profile().task("read").succeeded());
            // the scheduler still works
            assertEquals(TreeReduction.expected(9), scheduler.compute(TreeReduction.sum(9, 3), "total"));
        }
        assertEquals(List.of(), probes.stillOpen());
        assertEquals(List.of(), probes.closedTwice());
    }

    @Test
    void withoutRetriesTheFirstFailureIsFinal() {
        AtomicInteger calls = new AtomicInteger();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> Scheduler.synchronous().compute(flaky(1, calls, new Probes()), "use"));
        assertEquals("task 'read' (file:/data/a.csv bytes 0-99) failed: flaky 1", e.getMessage());
        assertEquals(1, e.attempts());
        assertEquals(1, calls.get());
    }

    @Test
    void aMissingFileIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        TaskGraph graph = TaskGraph.builder().add("read", List.of(), (c, in) -> {
            calls.incrementAndGet();
            throw new UncheckedIOException(new FileNotFoundException("/data/gone.csv (No such file or directory)"));
        }).build();
        SubmitOptions options = SubmitOptions.defaults().withRetries(3).withRetryBackoff(Duration.ZERO);
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> Scheduler.synchronous().submit(graph, List.of("read"), options).get());
        assertEquals(1, calls.get());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("/data/gone.csv"), e.getMessage());
    }

    @Test
    void theDefaultPredicateLooksForAnIoExceptionInTheCauseChain() {
        assertTrue(SubmitOptions.isTransientIoFailure(new IOException("reset")));
        assertTrue(SubmitOptions.isTransientIoFailure(new UncheckedIOException(new IOException("reset"))));
        assertTrue(SubmitOptions.isTransientIoFailure(new RuntimeException(new RuntimeException(new IOException()))));
        assertFalse(SubmitOptions.isTransientIoFailure(new FileNotFoundException("x")));
        assertFalse(SubmitOptions.isTransientIoFailure(new NoSuchFileException("x")));
        assertFalse(SubmitOptions.isTransientIoFailure(new RuntimeException(new FileNotFoundException("x"))));
        assertFalse(SubmitOptions.isTransientIoFailure(new IllegalStateException("bug")));
        assertFalse(SubmitOptions.isTransientIoFailure(new CancelledException()));
        assertFalse(SubmitOptions.isTransientIoFailure(new TaskFailedException("inner", "", new IOException())));
    }

    @Test
    void aCustomPredicateDecidesWhatIsTransient() {
        AtomicInteger calls = new AtomicInteger();
        TaskGraph graph = TaskGraph.builder().add("t", List.of(), (c, in) -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("busy");
            }
            return calls.get();
        }).build();
        SubmitOptions options = SubmitOptions.defaults().withRetries(5).withRetryBackoff(Duration.ZERO)
                .withRetryOn(t -> t instanceof IllegalStateException);
        assertEquals(3, Scheduler.synchronous().submit(graph, List.of("t"), options).get().get("t"));
    }

    @Test
    void theBackoffDoublesBetweenAttempts() {
        AtomicInteger calls = new AtomicInteger();
        SubmitOptions options = SubmitOptions.defaults().withRetries(2).withRetryBackoff(Duration.ofMillis(30));
        long start = System.nanoTime();
        Scheduler.synchronous().submit(flaky(2, calls, new Probes()), List.of("use"), options).get();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 90, "30 ms then 60 ms of backoff, took " + millis + " ms");
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }

    @Test
    void cancelDuringTheBackoffStopsTheRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch failedOnce = new CountDownLatch(1);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        TaskGraph graph = TaskGraph.builder().add("read", List.of(), (c, in) -> {
            calls.incrementAndGet();
            failedOnce.countDown();
            IOException e = new IOException("reset");
            seen.set(e);
            throw e;
        }).build();
        SubmitOptions options = SubmitOptions.defaults().withRetries(3).withRetryBackoff(Duration.ofSeconds(30));
        try (Scheduler scheduler = Scheduler.create(1)) {
            Computation computation = scheduler.submit(graph, List.of("read"), options);
            assertTrue(failedOnce.await(5, TimeUnit.SECONDS));
            Thread.sleep(20);
            long start = System.nanoTime();
            assertTrue(computation.cancel());
            assertThrows(CancelledException.class, computation::get);
            assertTrue(computation.awaitQuiescence(1, TimeUnit.SECONDS), "the backoff sleep did not notice the cancel");
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500));
            assertEquals(1, calls.get());
            assertEquals("reset", seen.get().getMessage());
        }
    }
}
