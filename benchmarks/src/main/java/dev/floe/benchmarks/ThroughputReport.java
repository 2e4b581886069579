package dev.floe.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * MB/s next to JMH's time per operation: the benchmark times each operation itself (two
 * {@code nanoTime} calls on an operation of tens of milliseconds), keeps the times of measurement
 * iterations only, and prints a one-line summary when the trial ends. JMH shows the forked JVM's output.
 *
 * <p>Protocol: {@link #startIteration} from a {@code @Setup(Level.Iteration)} method, {@link #begin} before
 * and {@link #record} after each operation, {@link #print} from {@code @TearDown(Level.Trial)}.
 */
final class ThroughputReport {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final String label;
    private final long bytesPerOp;
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuNanos = new ArrayList<>();
    private boolean measuring;
    private long cpuStart = -1;

    ThroughputReport(String label, long bytesPerOp) {
        this.label = label;
        this.bytesPerOp = bytesPerOp;
    }

    void startIteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    /**
     * Starts timing an operation: returns {@code System.nanoTime()} for {@link #record} and notes the calling
     * thread's CPU time, so that the summary also shows MB per CPU-second (steadier than wall time when
     * other processes load the machine).
     */
    long begin() {
        cpuStart = CPU.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    void record(long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        long cpu = cpuStart >= 0 ? CPU.getCurrentThreadCpuTime() - cpuStart : -1;
        cpuStart = -1;
        if (measuring) {
            nanos.add(elapsed);
            if (cpu >= 0) {
                cpuNanos.add(cpu);
            }
        }
    }

    void print() {
        if (nanos.isEmpty()) {
            return;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long best = sorted.get(0);
        System.out.printf(Locale.ROOT, "%n# %s: %.1f MB per op; median %.0f MB/s, best %.0f MB/s over %d ops%n",
                label, bytesPerOp / 1e6, megabytesPerSecond(median), megabytesPerSecond(best), sorted.size());
        if (!cpuNanos.isEmpty()) {
            List<Long> cpu = new ArrayList<>(cpuNanos);
            Collections.sort(cpu);
            System.out.printf(Locale.ROOT, "# %s: median %.0f MB per CPU-second of the benchmark thread, best %.0f%n",
                    label, megabytesPerSecond(cpu.get(cpu.size() / 2)), megabytesPerSecond(cpu.get(0)));
        }
    }

    private double megabytesPerSecond(long nanosPerOp) {
        return bytesPerOp / 1e6 / (nanosPerOp / 1e9);
    }
}
