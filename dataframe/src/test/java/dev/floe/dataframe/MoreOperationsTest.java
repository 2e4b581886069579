package dev.floe.dataframe;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.count;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.max;
import static dev.floe.expressions.Expressions.mean;
import static dev.floe.expressions.Expressions.min;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.exec.QueryExecution;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.Scheduler;
import dev.floe.testdata.CsvFixtures;
import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Union, distinct, repartition, persist, drop/rename, async cancel, memory limits, NULL semantics. */
class MoreOperationsTest {
    private static final TimeseriesGenerator.Spec SPEC = new TimeseriesGenerator.Spec(3, 6_000, 4);

    @TempDir
    static Path dir;
    private static TimeseriesOracle oracle;
    @RegisterExtension
    static final TestPool pool = new TestPool();

    @BeforeAll
    static void generate() {
        TimeseriesGenerator.write(dir.resolve("ts"), SPEC);
        oracle = new TimeseriesOracle(SPEC);
    }

    private static DataFrame ts(long blockSize) {
        return Floe.readCsv(dir.resolve("ts/*.csv").toString(), CsvOptions.parseDates("timestamp").withBlockSize(blockSize))
                .withScheduler(pool.scheduler());
    }

    @Test
    void unionAllKeepsEveryRowInOrder() {
        DataFrame low = ts(40_000).filter(col("value").lt(0)).select("id");
        DataFrame high = ts(25_000).filter(col("value").ge(0)).select(col("id").as("other_name"));
        try (Table t = low.unionAll(high).compute()) {
            long lows = oracle.rows().stream().filter(r -> r.valueMicros() < 0).count();
            assertEquals(oracle.rows().size(), t.rowCount());
            assertEquals(List.of("id"), t.schema().names());
            int i = 0;
            for (TimeseriesOracle.Row r : oracle.rows()) {
                if (r.valueMicros() < 0) {
                    assertEquals((long) r.id(), t.get(i++, 0));
                }
            }
            assertEquals(lows, i);
        }
    }

    @Test
    void distinctAndDropDuplicates() {
        TreeSet<String> names = new TreeSet<>();
        oracle.rows().forEach(r -> names.add(r.name()));
        try (Table t = ts(30_000).select("name").distinct().sort("name").compute()) {
            assertEquals(List.copyOf(names), t.column("name"));
        }
        assertEquals(names.size(), ts(30_000).dropDuplicates("name").count());
    }

    @Test
    void repartitionKeepsRowsAndOrder() {
        DataFrame five = ts(1 << 26).select("timestamp", "id").repartition(5);
        assertEquals(5, five.npartitions());
        try (Table t = five.compute(); Table plain = ts(1 << 26).select("timestamp", "id").compute()) {
            assertEquals(Rows.of(plain), Rows.of(t));
        }
    }

    @Test
    void persistComputesOnceAndFreesOnClose() {
        try (PersistedFrame p = ts(20_000).filter(col("id").gt(1000)).persist()) {
            long expected = oracle.rows().stream().filter(r -> r.id() > 1000).count();
            assertEquals(expected, p.rowCount());
            assertEquals(expected, p.frame().count());
            try (Table t = p.frame().groupBy("name").agg(countStar().as("n")).agg(sum("n").as("total")).compute()) {
                assertEquals(expected, t.get(0, 0));
            }
        }
    }

    @Test
    void aFailedPersistClosesItsAllocator() {
        // the check after each test also counts open allocators: a failed persist() used to leave its empty target
        DataFrame failing = ts(20_000).select("id").mapPartitions(dev.floe.expressions.Schema.of(
                new dev.floe.expressions.Field("id", dev.floe.expressions.FloeType.INT64)), (in, out) -> {
                    throw new IllegalStateException("boom");
                });
        RuntimeException e = assertThrows(RuntimeException.class, failing::persist);
        assertTrue(String.valueOf(e).contains("boom") || String.valueOf(e.getCause()).contains("boom"), String.valueOf(e));
    }

    @Test
    void aCancelledPersistClosesItsAllocator() throws Exception {
        // as the SQL shell cancels CREATE TABLE ... AS: the private scheduler the persist runs on is closed
        Scheduler own = Scheduler.create(1);
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        DataFrame slow = ts(2_000).withScheduler(own).mapPartitions(ts(2_000).schema(), (in, out) -> {
            running.countDown();
            Thread.sleep(20);
            for (int c = 0; c < in.getFieldVectors().size(); c++) {
                out.getVector(c).copyFromSafe(0, 0, in.getVector(c));
            }
            out.setRowCount(in.getRowCount() > 0 ? 1 : 0);
        });
        Thread canceller = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            own.close();
        });
        canceller.start();
        assertThrows(RuntimeException.class, slow::persist);
        canceller.join();
    }

    @Test
    void dropAndRename() {
        try (Table t = ts(1 << 26).drop("x", "timestamp").rename(Map.of("id", "ident")).limit(3).compute()) {
            assertEquals(List.of("ident", "name", "value"), t.schema().names());
            assertEquals(3, t.rowCount());
        }
    }

    @Test
    void cancelStopsTheQueryAndFreesItsMemory() {
        // A shared slow scheduler: one thread, many small partitions.
        try (Scheduler one = Scheduler.create(1)) {
            QueryFuture<Table> f = ts(2_000).withScheduler(one).groupBy("name").agg(mean("x")).computeAsync();
            f.cancel();
            assertThrows(CancelledException.class, f::get);
        }
    }

    @Test
    void memoryLimitFailsTheQueryCleanly() {
        RuntimeException e = assertThrows(QueryExecution.QueryMemoryException.class,
                () -> ts(1 << 26).memoryLimit(64 << 10).compute());
        assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
        // and the next query runs
        assertEquals(oracle.rows().size(), ts(1 << 26).count());
    }

    @Test
    void nullSemanticsOfAggregates() {
        CsvFixtures.writeFile(dir.resolve("nulls"), "n.csv",
                "k,v,d\na,1,1.5\na,,NaN\nb,,\n,3,NaN\n,4,\nc,5,2.5\n");
        DataFrame df = Floe.readCsv(dir.resolve("nulls/*.csv").toString()).withScheduler(pool.scheduler());
        try (Table t = df.groupBy("k").agg(countStar().as("rows"), count("v").as("n"), sum("v").as("s"),
                mean("v").as("m"), min("d").as("lo"), max("d").as("hi")).sort(SortKey.asc("k")).compute()) {
            assertEquals(List.of(
                    Arrays.asList("a", 2L, 1L, 1L, 1.0, 1.5, Double.NaN),
                    Arrays.asList("b", 1L, 0L, null, null, null, null),
                    Arrays.asList("c", 1L, 1L, 5L, 5.0, 2.5, 2.5),
                    Arrays.asList(null, 2L, 2L, 7L, 3.5, Double.NaN, Double.NaN)), Rows.of(t));
        }
        try (Table t = df.groupBy("d").agg(countStar().as("rows")).sort(SortKey.asc("d")).compute()) {
            // NaN is not NULL, and NaN keys group together; NaN sorts above numbers, NULL last
            assertEquals(List.of(Arrays.asList(1.5, 1L), Arrays.asList(2.5, 1L), Arrays.asList(Double.NaN, 2L),
                    Arrays.asList(null, 2L)), Rows.of(t));
        }
    }

    @Test
    void valueCountsAndUnique() {
        Map<String, Long> counts = new java.util.HashMap<>();
        oracle.rows().forEach(r -> counts.merge(r.name(), 1L, Long::sum));
        List<List<Object>> expected = counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(e -> Arrays.<Object>asList(e.getKey(), e.getValue())).toList();
        try (Table t = ts(30_000).valueCounts("name").compute()) {
            assertEquals(List.of("name", "count"), t.schema().names());
            assertEquals(expected, Rows.of(t));
        }
        try (Table t = ts(30_000).unique("name").compute()) {
            assertEquals(new TreeSet<>(counts.keySet()), new TreeSet<>(t.column("name")));
        }
    }

    @Test
    void mapPartitionsRunsUserCodeOverBatches() {
        dev.floe.expressions.Schema out = dev.floe.expressions.Schema.of(
                new dev.floe.expressions.Field("id_squared", dev.floe.expressions.FloeType.INT64));
        DataFrame squared = ts(20_000).mapPartitions(out, (in, o) -> {
            org.apache.arrow.vector.BigIntVector ids = (org.apache.arrow.vector.BigIntVector) in.getVector("id");
            org.apache.arrow.vector.BigIntVector sq = (org.apache.arrow.vector.BigIntVector) o.getVector(0);
            for (int i = 0; i < in.getRowCount(); i++) {
                sq.setSafe(i, ids.get(i) * ids.get(i));
            }
            o.setRowCount(in.getRowCount());
        });
        long expected = oracle.rows().stream().mapToLong(r -> (long) r.id() * r.id()).sum();
        try (Table t = squared.agg(sum("id_squared").as("s")).compute()) {
            assertEquals(expected, t.get(0, 0));
        }
    }

    @Test
    void moreAggregatesAgainstALoop() {
        // per name: sample std and variance of x, first and last id in file order, distinct ids
        Map<String, List<TimeseriesOracle.Row>> byName = new java.util.TreeMap<>();
        oracle.rows().forEach(r -> byName.computeIfAbsent(r.name(), k -> new java.util.ArrayList<>()).add(r));
        try (Table t = ts(17_000).repartition(7).splitEvery(2).groupBy("name")
                .agg(dev.floe.expressions.Expressions.std("x").as("sd"), dev.floe.expressions.Expressions.var("x").as("v"),
                        dev.floe.expressions.Expressions.first("id").as("first_id"),
                        dev.floe.expressions.Expressions.last("id").as("last_id"),
                        dev.floe.expressions.Expressions.nunique("id").as("ids"))
                .sort("name").compute()) {
            int row = 0;
            for (Map.Entry<String, List<TimeseriesOracle.Row>> e : byName.entrySet()) {
                List<TimeseriesOracle.Row> rows = e.getValue();
                double m = rows.stream().mapToDouble(TimeseriesOracle.Row::x).average().orElseThrow();
                double ss = rows.stream().mapToDouble(r -> (r.x() - m) * (r.x() - m)).sum();
                double variance = ss / (rows.size() - 1);
                assertEquals(e.getKey(), t.get(row, "name"));
                FloeAssertions.assertClose(variance, (Double) t.get(row, "v"), 1e-12, "variance");
                FloeAssertions.assertClose(Math.sqrt(variance), (Double) t.get(row, "sd"), 1e-12, "std");
                assertEquals((long) rows.get(0).id(), t.get(row, "first_id"));
                assertEquals((long) rows.get(rows.size() - 1).id(), t.get(row, "last_id"));
                assertEquals(rows.stream().map(TimeseriesOracle.Row::id).distinct().count(), t.get(row, "ids"));
                row++;
            }
        }
    }

    @Test
    void describeSummarisesNumericColumns() {
        try (Table d = ts(1 << 26).describe()) {
            assertEquals(List.of("statistic", "id", "value", "x"), d.schema().names());
            assertEquals(List.of("count", "mean", "std", "min", "25%", "50%", "75%", "max"), d.column("statistic"));
            assertEquals((double) oracle.rows().size(), d.get(0, "id"));
            assertEquals(oracle.rows().stream().mapToDouble(TimeseriesOracle.Row::value).max().orElseThrow(), d.get(7, "value"));
            FloeAssertions.assertClose(oracle.rows().stream().mapToDouble(TimeseriesOracle.Row::id).average().orElseThrow(),
                    (Double) d.get(1, "id"), 1e-12, "mean id");
        }
    }

    @Test
    void customAggregationInThreeSteps() {
        // the range (max - min) of id per name, and the ids in file order joined (order-sensitive)
        dev.floe.expressions.Aggregation<long[]> range = dev.floe.expressions.Aggregation.of("id_range",
                dev.floe.expressions.FloeType.INT64,
                () -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE},
                (st, v) -> {
                    st[0] = Math.min(st[0], (Long) v);
                    st[1] = Math.max(st[1], (Long) v);
                    return st;
                },
                (a, b) -> {
                    a[0] = Math.min(a[0], b[0]);
                    a[1] = Math.max(a[1], b[1]);
                    return a;
                },
                st -> st[0] == Long.MAX_VALUE ? null : st[1] - st[0]);
        dev.floe.expressions.Aggregation<StringBuilder> firstThree = dev.floe.expressions.Aggregation.of("first_three",
                dev.floe.expressions.FloeType.STRING, StringBuilder::new,
                (sb, v) -> sb.length() < 14 ? sb.append(v).append(' ') : sb,
                (a, b) -> a.length() < 14 ? a.append(b) : a,
                sb -> sb.toString().trim().replaceAll("^((\\S+ ){2}\\S+).*$", "$1"));
        Map<String, List<TimeseriesOracle.Row>> byName = new java.util.TreeMap<>();
        oracle.rows().forEach(r -> byName.computeIfAbsent(r.name(), k -> new java.util.ArrayList<>()).add(r));
        try (Table t = ts(9_000).splitEvery(2).groupBy("name")
                .agg(dev.floe.expressions.Expressions.custom(range, col("id")).as("r"),
                        dev.floe.expressions.Expressions.custom(firstThree, col("id")).as("f"))
                .sort("name").compute()) {
            int row = 0;
            for (Map.Entry<String, List<TimeseriesOracle.Row>> e : byName.entrySet()) {
                java.util.IntSummaryStatistics st = e.getValue().stream().mapToInt(TimeseriesOracle.Row::id).summaryStatistics();
                assertEquals((long) (st.getMax() - st.getMin()), t.get(row, "r"));
                String three = e.getValue().stream().limit(3).map(r -> Integer.toString(r.id()))
                        .collect(java.util.stream.Collectors.joining(" "));
                assertEquals(three, t.get(row, "f"));
                row++;
            }
        }
    }

    @Test
    void topKPerPartitionThenMerge() {
        List<Long> xs = oracle.rows().stream().map(TimeseriesOracle.Row::xMicros).sorted().toList();
        DataFrame df = ts(11_000);
        assertTrue(df.nlargest(10, "x").explain().contains("topk"), df.nlargest(10, "x").explain());
        try (Table t = df.nlargest(10, "x").compute()) {
            for (int i = 0; i < 10; i++) {
                assertEquals(xs.get(xs.size() - 1 - i) / 1e6, t.get(i, "x"));
            }
        }
        try (Table t = df.sort("x").limit(4, 3).compute()) {
            assertEquals(4, t.rowCount());
            for (int i = 0; i < 4; i++) {
                assertEquals(xs.get(3 + i) / 1e6, t.get(i, "x"));
            }
        }
    }
}
