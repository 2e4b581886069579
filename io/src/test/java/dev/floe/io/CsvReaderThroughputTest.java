package dev.floe.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.floe.expressions.FloeType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-thread throughput of CsvBatchReader on ~100 MB of timeseries-like CSV, against the floor
 * (reading the file and counting LFs). Not asserted; off by default:
 * {@code mvn -o -q -pl io -am test -Dtest=CsvReaderThroughputTest -Dfloe.perf=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dfloe.perf.decimal=true} declares the two number columns DECIMAL(18,6)).
 */
class CsvReaderThroughputTest {
    private static final Logger log = LoggerFactory.getLogger(CsvReaderThroughputTest.class);
    private static final String[] NAMES = {"Alice", "Bob", "Charlie", "Dan", "Edith", "Frank", "George", "Hannah",
        "Ingrid", "Jerry", "Kevin", "Laura", "Michael", "Norbert", "Oliver", "Patricia", "Quinn", "Ray", "Sarah",
        "Tim", "Ursula", "Victor", "Wendy", "Xavier", "Yvonne", "Zelda"};

    @TempDir
    Path dir;

    @Test
    void measure() throws IOException {
        assumeTrue(Boolean.getBoolean("floe.perf"), "throughput measurement: run with -Dfloe.perf=true");
        long targetBytes = Long.getLong("floe.perf.bytes", 100L << 20);
        Path file = dir.resolve("timeseries.csv");
        write(file, targetBytes);
        long size = Files.size(file);
        CsvOptions options = CsvOptions.defaults().withBlockSize(Long.MAX_VALUE);
        if (Boolean.getBoolean("floe.perf.decimal")) { // x and y read exactly, as DECIMAL(18,6), instead of DOUBLE
            FloeType decimal = FloeType.decimal(18, 6);
            options = options.withTypes(java.util.Map.of("x", decimal, "y", decimal));
        }
        CsvDataset dataset = CsvDataset.open(file.toString(), options);
        log.info("file {} MB, schema {}", size >> 20, dataset.schema());
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long lines = countLines(file);
            long t1 = System.nanoTime();
            long rows = 0;
            try (RootAllocator allocator = new RootAllocator();
                    CsvBatchReader reader = dataset.openSplit(dataset.splits().get(0), allocator, null)) {
                while (reader.next()) {
                    rows += reader.batch().getRowCount();
                }
            }
            long t2 = System.nanoTime();
            log.info("round {}: floor (read + count LFs) {} MB/s ({} lines); CsvBatchReader {} MB/s ({} rows)", round,
                    mbPerSecond(size, t1 - t0), lines, mbPerSecond(size, t2 - t1), rows);
        }
    }

    private static long mbPerSecond(long bytes, long nanos) {
        return Math.round(bytes / 1e6 / (nanos / 1e9));
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] chunk = new byte[4 << 20];
        try (FileChannel channel = FileChannel.open(file)) {
            long at = 0;
            int n;
            while ((n = channel.read(ByteBuffer.wrap(chunk), at)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        lines++;
                    }
                }
                at += n;
            }
        }
        return lines;
    }

    /** {@code timestamp,id,name,x,y} like Dask's timeseries: one row a second from 2000-01-01. */
    private static void write(Path file, long targetBytes) throws IOException {
        Random random = new Random(0);
        long written = 0;
        long second = 946_684_800L;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("timestamp,id,name,x,y\n");
            StringBuilder sb = new StringBuilder(64);
            while (written < targetBytes) {
                sb.setLength(0);
                sb.append(dev.floe.expressions.Temporal.formatTimestamp(second++ * 1_000_000L)).append(',')
                        .append(900 + random.nextInt(200)).append(',').append(NAMES[random.nextInt(NAMES.length)])
                        .append(',').append(String.format("%.6f", random.nextDouble() * 2 - 1))
                        .append(',').append(String.format("%.6f", random.nextDouble() * 2 - 1)).append('\n');
                out.append(sb);
                written += sb.length();
            }
        }
    }
}
