package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Slack for a loaded 2-core machine: a sleep may last this much longer than asked. */
    private static final long SLACK = 250 * MS;

    /** Chunk i sleeps 20 ms (chunk-2: 60 ms) and reports 100 rows, 1000 bytes; combines and total sleep 10 ms. */
    private static TaskGraph sleepyTree() {
        TaskGraph.Builder graph = TaskGraph.builder();
        for (int i = 0; i < 4; i++) {
            int sleep = i == 2 ? 60 : 20;
            graph.add(new Task("chunk-" + i, List.of(), (c, in) -> {
                Thread.sleep(sleep);
                c.reportProgress(100, 1000);
                return 1L;
            }, "chunk", "file:/data/part-" + i + ".csv"));
        }
        graph.add(new Task("combine-0", List.of("chunk-0", "chunk-1"), ProfileTest::sleep10, "combine", ""));
        graph.add(new Task("combine-1", List.of("chunk-2", "chunk-3"), ProfileTest::sleep10, "combine", ""));
        graph.add(new Task("total", List.of("combine-0", "combine-1"), ProfileTest::sleep10, "finalize", ""));
        return graph.build();
    }

    private static Object sleep10(TaskContext context, List<Object> inputs) throws InterruptedException {
        Thread.sleep(10);
        return 1L;
    }

    @Test
    void everyTaskIsTimedAndAggregatedByKind() {
        ComputationProfile profile;
        try (Scheduler scheduler = Scheduler.create(2)) {
            Computation computation = scheduler.submit(sleepyTree(), List.of("total"));
            computation.get();
            profile = computation.profile();
        }
        assertEquals(7, profile.tasks().size());
        assertEquals(7, profile.tasksTotal());
        for (TaskProfile task : profile.tasks()) {
            long asked = task.key().equals("chunk-2") ? 60 * MS : task.kind().equals("chunk") ? 20 * MS : 10 * MS;
            assertTrue(task.wallNanos() >= asked && task.wallNanos() < asked + SLACK, task.toString());
            assertTrue(task.readyNanos() <= task.startNanos() && task.startNanos() <= task.endNanos(), task.toString());
            assertTrue(task.endNanos() <= profile.wallNanos(), task.toString());
            assertTrue(task.thread().contains("-worker-"), task.toString());
            assertTrue(task.succeeded() && task.attempts() == 1, task.toString());
            // a sleeping task burns (almost) no CPU
            assertTrue(task.cpuNanos() == -1 || task.cpuNanos() < task.wallNanos() / 2 + 5 * MS, task.toString());
        }
        // a dependent is ready when its last dependency ends, and starts after that
        TaskProfile total = profile.task("total");
        long lastInput = Math.max(profile.task("combine-0").endNanos(), profile.task("combine-1").endNanos());
        assertTrue(total.readyNanos() >= lastInput, total + " vs " + lastInput);
        assertEquals(0, profile.task("chunk-0").readyNanos());
        // 4 leaves are ready at once on 2 threads: two of them wait >= one 20 ms sleep each
        long chunkWaiting = profile.byKind().get("chunk").waitingNanos();
        assertTrue(chunkWaiting >= 30 * MS, "chunk waiting " + chunkWaiting);

        Map<String, ComputationProfile.KindProfile> kinds = profile.byKind();
        assertEquals(List.of("chunk", "combine", "finalize"), List.copyOf(kinds.keySet()));
        ComputationProfile.KindProfile chunk = kinds.get("chunk");
        assertEquals(4, chunk.count());
        assertEquals(400, chunk.rows());
        assertEquals(4000, chunk.bytes());
        assertEquals("chunk-2", chunk.slowest().key());
        long wallSum = 0;
        for (TaskProfile task : profile.tasks()) {
            wallSum += task.kind().equals("chunk") ? task.wallNanos() : 0;
        }
        assertEquals(wallSum, chunk.wallNanos());
        assertEquals(2, kinds.get("combine").count());
        assertEquals(0, kinds.get("combine").rows());
        assertEquals(1, kinds.get("finalize").count());
    }

    @Test
    void busyTasksAreChargedCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean measured = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long[] ownMeasure = new long[1];
        TaskGraph graph = TaskGraph.builder().add("spin", List.of(), (c, in) -> {
            // burn 30 ms of this thread's CPU however loaded the machine is (or 30 ms of wall time if unmeasured)
            long x = 0;
            if (measured) {
                long start = threads.getCurrentThreadCpuTime();
                while (threads.getCurrentThreadCpuTime() - start < 30 * MS) {
                    for (int k = 0; k < 10_000; k++) {
                        x += x * 31 + 7;
                    }
                }
                ownMeasure[0] = threads.getCurrentThreadCpuTime() - start;
            }
            return x;
        }).build();
        Computation computation = Scheduler.synchronous().submit(graph, List.of("spin"));
        computation.get();
        TaskProfile spin = computation.profile().task("spin");
        assertEquals(Thread.currentThread().getName(), spin.thread(), "synchronous: the caller's thread");
        if (!measured) {
            assertEquals(-1, spin.cpuNanos());
            return;
        }
        assertTrue(spin.cpuNanos() >= ownMeasure[0] && spin.cpuNanos() < ownMeasure[0] + 10 * MS,
                spin + " vs measured inside the task " + ownMeasure[0]);
        assertTrue(spin.cpuNanos() <= spin.wallNanos() + MS, spin.toString());
    }

    @Test
    void aFailedTaskIsProfiledAndTasksThatNeverRanAreNot() throws Exception {
        TaskGraph graph = TaskGraph.builder()
                .add("a", List.of(), (c, in) -> 1)
                .add("b", List.of("a"), (c, in) -> {
                    throw new IllegalStateException("boom");
                })
                .add("c", List.of("b"), (c, in) -> 3)
                .build();
        Computation computation = Scheduler.synchronous().submit(graph, List.of("c"));
        assertThrows(TaskFailedException.class, computation::get);
        ComputationProfile profile = computation.profile();
        assertEquals(List.of("a", "b"), profile.tasks().stream().map(TaskProfile::key).toList());
        assertTrue(profile.task("a").succeeded());
        assertFalse(profile.task("b").succeeded());
        assertNull(profile.task("c"));
        assertEquals(3, profile.tasksTotal());
    }

    @Test
    void theTableIsAlignedAndNamesTheSlowestTask() {
        Computation computation = Scheduler.synchronous().submit(sleepyTree(), List.of("total"));
        computation.get();
        ComputationProfile profile = computation.profile();
        String table = profile.toTable();
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).matches("computation #\\d+: 7 of 7 tasks ran in \\d+\\.\\d+ ms wall"), lines.get(0));
        assertTrue(lines.get(1).matches("kind\\s+tasks\\s+working\\s+cpu\\s+waiting\\s+rows in\\s+bytes in\\s+rows out\\s+slowest"),
                lines.get(1));
        assertEquals(6, lines.size(), table);
        assertTrue(lines.get(2).startsWith("chunk "), table);
        assertTrue(lines.get(2).contains("'chunk-2' (file:/data/part-2.csv)"), table);
        assertTrue(lines.get(5).startsWith("total "), table);
        // right-aligned numeric columns end where their headers end
        int tasksEnd = lines.get(1).indexOf("tasks") + "tasks".length();
        int rowsEnd = lines.get(1).indexOf("rows in") + "rows in".length();
        assertEquals("4", lines.get(2).substring(tasksEnd - 1, tasksEnd), table);
        assertEquals("400", lines.get(2).substring(rowsEnd - 3, rowsEnd), table);
        assertEquals("7", lines.get(5).substring(tasksEnd - 1, tasksEnd), table);
        assertEquals(' ', lines.get(2).charAt(tasksEnd), table);
        assertNotNull(profile.byKind().get("finalize"));
    }

    @Test
    void formatsDurationsAndCounts() {
        assertEquals("850 ns", ComputationProfile.duration(850));
        assertEquals("12.3 us", ComputationProfile.duration(12_345));
        assertEquals("412.3 ms", ComputationProfile.duration(412_300_000));
        assertEquals("3.21 s", ComputationProfile.duration(3_210_000_000L));
        assertEquals("950", ComputationProfile.count(950));
        assertEquals("12.3k", ComputationProfile.count(12_345));
        assertEquals("1.6M", ComputationProfile.count(1_600_000));
        assertEquals("2.0G", ComputationProfile.count(2_000_000_000L));
    }
}
