package dev.floe.benchmarks;

import dev.floe.expressions.Schema;
import dev.floe.io.CsvBatchReader;
import dev.floe.io.CsvDataset;
import dev.floe.io.CsvOptions;
import dev.floe.io.FileSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;

/**
 * CSV bytes to Arrow batches, one thread: one ~64 MB timeseries shard, read as a single split (the
 * block size is larger than the file) with {@code timestamp} parsed as a TIMESTAMP, counting rows.
 * Compare with {@link NewlineFloorBenchmark} on the same file, the floor.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CsvReadBenchmark NewlineFloorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED",
    "-Xmx2g",
    "-Darrow.enable_unsafe_memory_access=true",
    "-Darrow.enable_null_check_for_get=false",
})
public class CsvReadBenchmark {
    /** Which columns are materialised as vectors. */
    public enum Projection {
        ALL(null),
        TIMESTAMP_VALUE(List.of("timestamp", "value"));

        private final List<String> columns;

        Projection(List<String> columns) {
            this.columns = columns;
        }

        int[] indices(Schema schema) {
            if (columns == null) {
                return null;
            }
            return columns.stream().mapToInt(schema::indexOf).toArray();
        }
    }

    @Param
    public Projection projection;

    private Path shard;
    private CsvDataset dataset;
    private FileSplit split;
    private int[] columns;
    private BufferAllocator allocator;
    private ThroughputReport report;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        shard = BenchData.writeShard();
        long bytes = Files.size(shard);
        CsvOptions options = CsvOptions.parseDates("timestamp").withBlockSize(4 * bytes);
        dataset = CsvDataset.open(shard.toAbsolutePath().toString(), options);
        List<FileSplit> splits = dataset.splits();
        if (splits.size() != 1) {
            throw new IllegalStateException("expected one split of " + shard + ", got " + splits.size());
        }
        split = splits.get(0);
        columns = projection.indices(dataset.schema());
        allocator = new RootAllocator();
        report = new ThroughputReport("CsvReadBenchmark projection=" + projection, bytes);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams params) {
        report.startIteration(params);
    }

    @Benchmark
    public long readSplit() throws Exception {
        long start = report.begin();
        long rows = 0;
        try (CsvBatchReader reader = dataset.openSplit(split, allocator, columns)) {
            while (reader.next()) {
                rows += reader.batch().getRowCount();
            }
        }
        report.record(start);
        if (rows != BenchData.SHARD_ROWS) {
            throw new IllegalStateException("read " + rows + " rows from " + shard + ", expected " + BenchData.SHARD_ROWS);
        }
        return rows;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        report.print();
        allocator.close(); // throws if a batch leaked
        BenchData.deleteShard(shard);
    }
}
