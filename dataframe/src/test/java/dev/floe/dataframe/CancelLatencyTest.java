package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoSpillFiles;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.CsvFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling a join that multiplies rows (every left row matches every right row: one input batch
 * makes millions of pairs) stops within a bounded batch, not at the next input batch; and the join's
 * bounded output batches give the same answers as a plain computation over the rows.
 */
class CancelLatencyTest {
    private static final Logger LOG = LoggerFactory.getLogger(CancelLatencyTest.class);
    private static final int SIDE = 20_000;

    @TempDir
    static Path dir;
    @TempDir
    Path spill;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        StringBuilder l = new StringBuilder("k,a\n");
        StringBuilder r = new StringBuilder("k,b\n");
        for (int i = 0; i < SIDE; i++) {
            l.append(i % 3 == 0 ? 0 : 1).append(',').append(i).append('\n');
            r.append(i % 7 == 0 ? 0 : i % 7 == 1 ? 1 : 2).append(',').append(i).append('\n');
        }
        CsvFixtures.writeFile(dir.resolve("left"), "left.csv", l.toString());
        CsvFixtures.writeFile(dir.resolve("right"), "right.csv", r.toString());
    }


    /** After each test (the Arrow leak check is the pool's). */
    @AfterEach
    void noSpillFiles() {
        assertNoSpillFiles(spill);
    }

    /** broadcast: the right side is one partition; shuffle: both sides bucketed; grace: the bucket spills. */
    private DataFrame side(String name, String strategy, int leftBatchRows, ProgressListener listener) {
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSpillDirectory(spill)
                .withListener(listener);
        if (!strategy.equals("broadcast")) {
            o = o.withBroadcastThreshold(0).withShufflePartitions(2)
                    .withJoinMemoryBudget(strategy.equals("grace") ? 64 << 10 : 256L << 20);
        }
        CsvOptions csv = CsvOptions.defaults().withTypes(Map.of("k", FloeType.INT64, name.equals("left") ? "a" : "b",
                FloeType.INT64)).withBatchRows(name.equals("left") ? leftBatchRows : 8192);
        return Floe.readCsv(dir.resolve(name + "/*.csv").toString(), csv).withOptions(o);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"broadcast", "shuffle", "grace"})
    void aCancelledRowMultiplyingJoinStopsWithinABatch(String strategy) throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void taskStarted(String key, String kind) {
                if (kind.equals("chunk")) {
                    probing.countDown();   // the aggregation's partition task, which runs the probe
                }
            }
        };
        // every left row matches ~2,857 right rows: a batch of 6,000 left rows is ~17M pairs, ~57M in all:
        // seconds of work, one batch of input (before the fix, the probe made them all in one batch)
        DataFrame l = side("left", strategy, 6_000, listener);
        DataFrame r = side("right", strategy, 2_000, listener);
        QueryFuture<Table> f = l.join(r, List.of(col("k")), List.of(col("k")), JoinType.INNER)
                .agg(countStar().as("n"), sum("b").as("s")).computeAsync();
        assertTrue(probing.await(60, TimeUnit.SECONDS), "the probe started");
        Thread.sleep(400);
        assertTrue(!f.isDone(), "still joining when cancelled");
        long start = System.nanoTime();
        f.cancel();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("{} join: cancel returned after {} ms", strategy, millis);
        assertThrows(CancelledException.class, f::get);
        // the target is ~200 ms; the bound leaves room for a loaded machine (before the fix: 0.8-1.1 s here)
        assertTrue(millis < 500, "cancel took " + millis + " ms");
    }

    /**
     * The bounded batches of a row-multiplying probe (many per left batch), against a plain
     * computation: counts and sums per join type, and a LIMIT that ends the probe between batches.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"broadcast, INNER", "broadcast, LEFT", "broadcast, SEMI", "broadcast, ANTI", "shuffle, INNER",
            "shuffle, LEFT", "grace, INNER", "grace, LEFT"})
    void boundedProbeBatchesGiveTheSameAnswer(String strategy, JoinType type) {
        ProgressListener none = new ProgressListener() { };
        // the left rows 0 .. 299 (keys 0 and 1; ~2,857 matches each, ~366K pairs per left batch of 128 rows);
        // the right side also has a key (2) that no left row has
        DataFrame l = side("left", strategy, 128, none).filter(col("a").lt(300));
        DataFrame r = side("right", strategy, 128, none);
        long[] rightCount = new long[3];
        long[] rightSum = new long[3];
        for (int i = 0; i < SIDE; i++) {
            int k = i % 7 == 0 ? 0 : i % 7 == 1 ? 1 : 2;
            rightCount[k]++;
            rightSum[k] += i;
        }
        long n = 0;
        long s = 0;
        for (int i = 0; i < 300; i++) {
            int k = i % 3 == 0 ? 0 : 1;
            switch (type) {
                case INNER, LEFT -> {
                    n += rightCount[k];
                    s += rightSum[k];
                }
                case SEMI -> n += rightCount[k] > 0 ? 1 : 0;
                default -> n += rightCount[k] > 0 ? 0 : 1;
            }
        }
        DataFrame joined = l.join(r, List.of(col("k")), List.of(col("k")), type);
        boolean withRight = type == JoinType.INNER || type == JoinType.LEFT;
        try (Table t = withRight ? joined.agg(countStar().as("n"), sum("b").as("s")).compute()
                : joined.agg(countStar().as("n")).compute()) {
            assertEquals(n, t.get(0, 0), "rows");
            if (withRight) {
                assertEquals(s, t.get(0, 1), "sum of b");
            }
        }
        try (Table t = joined.limit(70_000).compute()) {
            assertEquals(Math.min(n, 70_000), t.rowCount());
        }
        List<Long> rows = new ArrayList<>();
        try (BatchStream b = joined.toBatches()) {
            while (b.next()) {
                rows.add((long) b.batch().getRowCount());
            }
        }
        assertEquals(n, rows.stream().mapToLong(Long::longValue).sum());
        assertTrue(rows.stream().allMatch(c -> c <= 64 * 1024), "batches of at most 64K rows: " + rows);
    }

    /**
     * A sort cancelled while it orders ~2M rows in memory (one range, one comparison sort of seconds)
     * stops within the sort: the comparator polls the cancel flag.
     */
    @org.junit.jupiter.api.Test
    void aCancelledInMemorySortStopsInsideTheSort() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 2_000_000; i++) {
            sb.append(random.nextLong()).append(',').append(i).append('\n');
        }
        CsvFixtures.writeFile(dir.resolve("big"), "big.csv", sb.toString());
        CountDownLatch sorting = new CountDownLatch(1);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void taskStarted(String key, String kind) {
                if (kind.equals("sort")) {
                    sorting.countDown();
                }
            }
        };
        ExecutionOptions o = ExecutionOptions.defaults().withScheduler(pool.scheduler()).withSpillDirectory(spill);
        DataFrame big = Floe.readCsv(dir.resolve("big/big.csv").toString(), CsvOptions.defaults()
                .withTypes(Map.of("x", FloeType.INT64, "y", FloeType.INT64)).withBlockSize(1L << 30)).withOptions(o);
        try (PersistedFrame rows = big.persist()) {
            DataFrame sorted = rows.frame().withOptions(o.withListener(listener)).sort("x");
            QueryFuture<Table> f = sorted.computeAsync();
            assertTrue(sorting.await(60, TimeUnit.SECONDS), "the sort started");
            Thread.sleep(300);   // the rows are read from memory in a few tens of ms: now it orders them
            assertTrue(!f.isDone(), "still sorting when cancelled");
            long start = System.nanoTime();
            f.cancel();
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("in-memory sort: cancel returned after {} ms", millis);
            assertThrows(CancelledException.class, f::get);
            assertTrue(millis < 500, "cancel took " + millis + " ms");
        }
    }
}
