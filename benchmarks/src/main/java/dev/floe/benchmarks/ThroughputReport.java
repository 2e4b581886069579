package dev.floe.benchmarks;

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
 * <p>Protocol: {@link #startIteration} from a {@code @Setup(Level.Iteration)} method, {@link #record}
 * after each operation, {@link #print} from {@code @TearDown(Level.Trial)}.
 */
final class ThroughputReport {
    private final String label;
    private final long bytesPerOp;
    private final List<Long> nanos = new ArrayList<>();
    private boolean measuring;

    ThroughputReport(String label, long bytesPerOp) {
        this.label = label;
        this.bytesPerOp = bytesPerOp;
    }

    void startIteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    void record(long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        if (measuring) {
            nanos.add(elapsed);
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
    }

    private double megabytesPerSecond(long nanosPerOp) {
        return bytesPerOp / 1e6 / (nanosPerOp / 1e9);
    }
}
