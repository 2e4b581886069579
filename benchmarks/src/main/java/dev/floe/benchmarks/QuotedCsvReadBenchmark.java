package dev.floe.benchmarks;

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
 * {@link CsvReadBenchmark} on the quoted, string-heavy table ({@code QuotedTableGenerator}: every text field
 * quoted, commas, doubled quotes and line breaks inside quotes, UTF-8), one ~65 MB shard read as a single
 * split with the inferred schema {@code id BIGINT, name, city, comment VARCHAR, amount DOUBLE, quantity
 * BIGINT}; and the newline floor on the same file ({@link #floor}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar QuotedCsvReadBenchmark
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
public class QuotedCsvReadBenchmark {
    /** Which columns are materialised as vectors. */
    public enum Projection {
        ALL(null),
        /** The numbers only: the text columns are scanned (quotes followed) but not copied. */
        ID_AMOUNT(List.of("id", "amount"));

        private final List<String> columns;

        Projection(List<String> columns) {
            this.columns = columns;
        }
    }

    @Param
    public Projection projection;

    private Path shard;
    private long bytes;
    private CsvDataset dataset;
    private FileSplit split;
    private int[] columns;
    private BufferAllocator allocator;
    private ThroughputReport report;
    private ThroughputReport floorReport;
    private final byte[] buffer = new byte[NewlineCounter.BUFFER_BYTES];

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        shard = BenchData.writeQuotedShard();
        bytes = Files.size(shard);
        dataset = CsvDataset.open(shard.toAbsolutePath().toString(), CsvOptions.defaults().withBlockSize(4 * bytes));
        List<FileSplit> splits = dataset.splits();
        if (splits.size() != 1) {
            throw new IllegalStateException("expected one split of " + shard + ", got " + splits.size());
        }
        split = splits.get(0);
        columns = projection.columns == null ? null
                : projection.columns.stream().mapToInt(dataset.schema()::indexOf).toArray();
        allocator = new RootAllocator();
        report = new ThroughputReport("QuotedCsvReadBenchmark projection=" + projection, bytes);
        floorReport = new ThroughputReport("QuotedCsvReadBenchmark.floor (count \\n, 8 bytes at a time)", bytes);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams params) {
        report.startIteration(params);
        floorReport.startIteration(params);
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
        if (rows != BenchData.QUOTED_ROWS) {
            throw new IllegalStateException("read " + rows + " rows from " + shard + ", expected " + BenchData.QUOTED_ROWS);
        }
        return rows;
    }

    /** The floor on the same file: read it from the page cache and count its line feeds (quoted ones too). */
    @Benchmark
    public long floor() throws Exception {
        long start = floorReport.begin();
        long lines = NewlineCounter.countFile(shard, buffer);
        floorReport.record(start);
        return lines;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        report.print();
        floorReport.print();
        allocator.close(); // throws if a batch leaked
        BenchData.deleteShard(shard);
    }
}
