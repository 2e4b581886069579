package dev.floe.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;

/**
 * The floor for {@link CsvReadBenchmark}: read the same ~64 MB shard from the page cache in 1 MiB chunks
 * and count its line feeds, one byte at a time and eight at a time. A CSV reader cannot beat this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class NewlineFloorBenchmark {
    private Path shard;
    private final byte[] buffer = new byte[NewlineCounter.BUFFER_BYTES];
    private ThroughputReport simpleReport;
    private ThroughputReport swarReport;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        shard = BenchData.writeShard();
        long bytes = Files.size(shard);
        simpleReport = new ThroughputReport("NewlineFloorBenchmark.countSimple", bytes);
        swarReport = new ThroughputReport("NewlineFloorBenchmark.countSwar", bytes);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams params) {
        simpleReport.startIteration(params);
        swarReport.startIteration(params);
    }

    @Benchmark
    public long countSimple() throws IOException {
        long start = simpleReport.begin();
        long lines = 0;
        try (InputStream in = Files.newInputStream(shard)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                lines += NewlineCounter.countSimple(buffer, 0, n);
            }
        }
        simpleReport.record(start);
        return check(lines);
    }

    @Benchmark
    public long countSwar() throws IOException {
        long start = swarReport.begin();
        long lines = NewlineCounter.countFile(shard, buffer);
        swarReport.record(start);
        return check(lines);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        simpleReport.print();
        swarReport.print();
        BenchData.deleteShard(shard);
    }

    private long check(long lines) {
        if (lines != BenchData.SHARD_ROWS + 1) {
            throw new IllegalStateException("counted " + lines + " lines in " + shard + ", expected " + (BenchData.SHARD_ROWS + 1));
        }
        return lines;
    }
}
