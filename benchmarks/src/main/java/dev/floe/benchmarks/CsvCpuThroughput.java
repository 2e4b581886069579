package dev.floe.benchmarks;

import dev.floe.io.CsvBatchReader;
import dev.floe.io.CsvDataset;
import dev.floe.io.CsvOptions;
import dev.floe.io.FileSplit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * CSV bytes to Arrow batches in MB per CPU-second of the reading thread: the number that stays honest on a
 * machine other builds are loading (wall-clock JMH scores move with the load; the thread's own CPU time
 * moves much less). One thread, one split per file (the block size exceeds the file), the same reader
 * {@link CsvReadBenchmark} times, and the newline floor on the same bytes.
 *
 * <pre>
 * java -Darrow.enable_unsafe_memory_access=true -Darrow.enable_null_check_for_get=false \
 *      --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED \
 *      -cp benchmarks/target/benchmarks.jar dev.floe.benchmarks.CsvCpuThroughput [timeseries|quoted] [runs] [columns,...]
 * </pre>
 * Prints, for each projection, the median and best MB per CPU-second over {@code runs} (default 9) after
 * {@code runs} untimed warm-up reads, and the same for the newline count.
 */
public final class CsvCpuThroughput {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CsvCpuThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String table = args.length > 0 ? args[0] : "timeseries";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path file = table.equals("quoted") ? BenchData.writeQuotedShard() : BenchData.writeShard();
        try {
            long bytes = Files.size(file);
            MachineInfo machine = MachineInfo.detect();
            System.out.printf(Locale.ROOT, "# %s: %s, %.1f MB; %d cores (%s), %s; load average %s%n", table,
                    file.getFileName(), bytes / 1e6, machine.nproc(), machine.cpuModel(), machine.java(),
                    loadAverage());
            CsvOptions options = table.equals("quoted")
                    ? CsvOptions.defaults().withBlockSize(4 * bytes)
                    : CsvOptions.parseDates("timestamp").withBlockSize(4 * bytes);
            CsvDataset dataset = CsvDataset.open(file.toAbsolutePath().toString(), options);
            List<FileSplit> splits = dataset.splits();
            if (splits.size() != 1) {
                throw new IllegalStateException("expected one split of " + file + ", got " + splits.size());
            }
            FileSplit split = splits.get(0);
            List<int[]> projections = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            projections.add(null);
            labels.add("all " + dataset.schema().size() + " columns");
            String[] wanted = args.length > 2 ? args[2].split(",")
                    : table.equals("quoted") ? new String[] {"id", "amount"} : new String[] {"timestamp", "value"};
            int[] some = java.util.Arrays.stream(wanted).mapToInt(dataset.schema()::indexOf).toArray();
            projections.add(some);
            labels.add(String.join(", ", wanted));
            byte[] buffer = new byte[NewlineCounter.BUFFER_BYTES];
            try (BufferAllocator allocator = new RootAllocator()) {
                for (int p = 0; p < projections.size(); p++) {
                    int[] columns = projections.get(p);
                    for (int i = 0; i < runs; i++) {
                        read(dataset, split, allocator, columns);
                    }
                    double[] cpu = new double[runs];
                    double[] wall = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        long w0 = System.nanoTime();
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        read(dataset, split, allocator, columns);
                        cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
                        wall[i] = System.nanoTime() - w0;
                    }
                    print(labels.get(p), bytes, cpu, wall);
                }
            }
            double[] cpu = new double[runs];
            double[] wall = new double[runs];
            for (int i = 0; i < 2 * runs; i++) {
                long w0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                NewlineCounter.countFile(file, buffer);
                if (i >= runs) {
                    cpu[i - runs] = THREADS.getCurrentThreadCpuTime() - c0;
                    wall[i - runs] = System.nanoTime() - w0;
                }
            }
            print("floor: read + count \\n (8 bytes at a time)", bytes, cpu, wall);
        } finally {
            BenchData.deleteShard(file);
        }
    }

    private static long read(CsvDataset dataset, FileSplit split, BufferAllocator allocator, int[] columns) {
        long rows = 0;
        try (CsvBatchReader reader = dataset.openSplit(split, allocator, columns)) {
            while (reader.next()) {
                rows += reader.batch().getRowCount();
            }
        }
        if (rows <= 0) {
            throw new IllegalStateException("read no rows from " + split.describe());
        }
        return rows;
    }

    private static void print(String label, long bytes, double[] cpuNanos, double[] wallNanos) {
        double[] cpu = cpuNanos.clone();
        double[] wall = wallNanos.clone();
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT,
                "%-44s MB per CPU-s: median %5.0f best %5.0f | wall MB/s: median %5.0f | CPU ms median %.1f%n",
                label, bytes / 1e3 / (cpu[cpu.length / 2] / 1e6), bytes / 1e3 / (cpu[0] / 1e6),
                bytes / 1e3 / (wall[wall.length / 2] / 1e6), cpu[cpu.length / 2] / 1e6);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
