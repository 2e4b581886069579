package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMetricsTest {

    /** Sums every event a listener sees. */
    private static final class Totals implements ProgressListener {
        final AtomicLong rows = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void started(ProgressSnapshot snapshot) {
            events.add("started " + snapshot.tasksDone() + "/" + snapshot.tasksTotal() + " rows " + snapshot.rows());
        }

        @Override
        public void progress(long rowsDelta, long bytesDelta) {
            rows.addAndGet(rowsDelta);
            bytes.addAndGet(bytesDelta);
            events.add("progress " + rowsDelta + " " + bytesDelta);
        }

        @Override
        public void done(boolean success) {
            events.add("done " + success);
        }
    }

    /** Chunk i reports two batches: i+1 rows / 100*(i+1) bytes, then 10 rows / 1000 bytes. */
    private static TaskGraph reportingGraph(int chunks) {
        return TreeReduction.build(chunks, 2, null, i -> (context, inputs) -> {
            context.reportProgress(i + 1, 100L * (i + 1));
            context.reportProgress(10, 1000);
            return (long) i;
        });
    }

    @Test
    void reportsFlowToListenersAndTotalsInOrder() {
        Totals totals = new Totals();
        Computation computation = Scheduler.synchronous().submit(reportingGraph(2), List.of("total"), totals);
        assertEquals(1L, computation.get().get("total"));

        assertEquals(List.of("started 0/3 rows 0", "progress 1 100", "progress 10 1000", "progress 2 200",
                "progress 10 1000", "done true"), totals.events);
        ProgressSnapshot end = computation.progress();
        assertEquals(new ProgressSnapshot(3, 3, 0, 23, 2300, end.elapsedNanos(), 0), end);
        assertTrue(end.elapsedNanos() > 0, end.toString());
    }

    @Test
    void totalsAgreeWithAPlainLoopOnAPool() {
        int chunks = 40;
        long rows = 0;
        long bytes = 0;
        for (int i = 0; i < chunks; i++) {
            rows += i + 1 + 10;
            bytes += 100L * (i + 1) + 1000;
        }
        Totals totals = new Totals();
        try (Scheduler scheduler = Scheduler.create(3)) {
            Computation computation = scheduler.submit(reportingGraph(chunks), List.of("total"), totals);
            computation.get();
            ProgressSnapshot end = computation.progress();
            assertEquals(rows, end.rows());
            assertEquals(bytes, end.bytes());
            assertEquals(rows, totals.rows.get());
            assertEquals(bytes, totals.bytes.get());
            assertEquals(end.tasksTotal(), end.tasksDone());
            assertEquals(0, end.tasksRunning());
        }
    }

    @Test
    void reportsFromManyThreadsInsideOneTaskAreNotLost() throws Exception {
        Totals totals = new Totals();
        TaskGraph graph = TaskGraph.builder().add("fan", List.of(), (context, inputs) -> {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> {
                    for (int k = 0; k < 10_000; k++) {
                        context.reportProgress(1, 2);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            return null;
        }).build();
        try (Scheduler scheduler = Scheduler.create(2)) {
            Computation computation = scheduler.submit(graph, List.of("fan"), totals);
            computation.get();
            assertEquals(40_000, computation.progress().rows());
            assertEquals(80_000, computation.progress().bytes());
            assertEquals(40_000, totals.rows.get());
            assertEquals(40_000, computation.profile().task("fan").rows());
        }
    }

    @Test
    void aSnapshotWhileRunningCountsDoneRunningAndEstimatesTheRest() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskGraph graph = TreeReduction.build(4, 8, null, i -> (context, inputs) -> {
            context.reportProgress(5, 50);
            if (i == 3) {
                blocked.countDown();
                assertTrue(release.await(5, TimeUnit.SECONDS));
            }
            return (long) i;
        });
        try (Scheduler scheduler = Scheduler.create(1)) {
            Computation computation = scheduler.submit(graph, List.of("total"));
            assertTrue(blocked.await(5, TimeUnit.SECONDS));
            ProgressSnapshot mid = computation.progress();
            assertEquals(3, mid.tasksDone());
            assertEquals(5, mid.tasksTotal());
            assertEquals(1, mid.tasksRunning());
            assertEquals(20, mid.rows());
            assertEquals(200, mid.bytes());
            assertEquals((long) (mid.elapsedNanos() * 2.0 / 3), mid.etaNanos());
            release.countDown();
            assertEquals(6L, computation.get().get("total"));
            ProgressSnapshot end = computation.progress();
            assertTrue(end.elapsedNanos() >= mid.elapsedNanos());
            Thread.sleep(5);
            assertEquals(end.elapsedNanos(), computation.progress().elapsedNanos(), "elapsed stops at the end");
        }
    }

    @Test
    void etaIsUnknownBeforeTheFirstTaskAndZeroAtTheEnd() {
        assertEquals(-1, ProgressSnapshot.estimateEta(0, 4, 1_000));
        assertEquals(3_000, ProgressSnapshot.estimateEta(1, 4, 1_000));
        assertEquals(500, ProgressSnapshot.estimateEta(2, 3, 1_000));
        assertEquals(0, ProgressSnapshot.estimateEta(4, 4, 1_000));
        assertEquals(0, ProgressSnapshot.estimateEta(0, 0, 1_000));
    }

    @Test
    void aRetriedAttemptsReportsAreTakenBack() {
        AtomicInteger attempts = new AtomicInteger();
        Totals totals = new Totals();
        TaskGraph graph = TaskGraph.builder().add("read", List.of(), (context, inputs) -> {
            context.reportProgress(5, 500);
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("connection reset");
            }
            return "ok";
        }).build();
        SubmitOptions options = SubmitOptions.defaults().withRetries(1).withRetryBackoff(Duration.ZERO).withListener(totals);
        Computation computation = Scheduler.synchronous().submit(graph, List.of("read"), options);
        assertEquals("ok", computation.get().get("read"));
        assertEquals(List.of("started 0/1 rows 0", "progress 5 500", "progress -5 -500", "progress 5 500", "done true"),
                totals.events);
        assertEquals(5, computation.progress().rows());
        assertEquals(5, computation.profile().task("read").rows());
    }

    @Test
    void negativeProgressFailsTheTaskNamingIt() {
        TaskGraph graph = TaskGraph.builder().add("bad", List.of(), (context, inputs) -> {
            context.reportProgress(-1, 0);
            return null;
        }).build();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> Scheduler.synchronous().compute(graph, "bad"));
        assertEquals("task 'bad' failed: task 'bad' reported negative progress: rows -1, bytes 0", e.getMessage());
    }

    @Test
    void aListenerThatThrowsOnProgressDoesNotFailTheTask() {
        Totals totals = new Totals();
        ProgressListener broken = new ProgressListener() {
            @Override
            public void progress(long rowsDelta, long bytesDelta) {
                throw new IllegalStateException("listener bug");
            }
        };
        SubmitOptions options = SubmitOptions.defaults().withListener(broken).withListener(totals);
        Computation computation = Scheduler.synchronous().submit(reportingGraph(3), List.of("total"), options);
        assertEquals(3L, computation.get().get("total"));
        assertEquals(computation.progress().rows(), totals.rows.get());
        assertEquals(3 * 10 + 6, totals.rows.get());
    }
}
