package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a computation's tasks did — the data behind EXPLAIN ANALYZE: every task that ran
 * ({@link TaskProfile}, in start order) and aggregates per kind. Immutable: a snapshot taken by
 * {@link Computation#profile()}; taken while the computation runs, it holds the tasks finished so far.
 *
 * @param computation  "computation #7"
 * @param tasksTotal   tasks of the computation, including any that never ran
 * @param wallNanos    from submission to the end (or to the snapshot, while running)
 * @param tasks        the tasks that ran, by start time
 */
public record ComputationProfile(String computation, int tasksTotal, long wallNanos, List<TaskProfile> tasks) {

    /**
     * Aggregates over the tasks of one kind.
     *
     * @param waitingNanos sum over tasks of ready -&gt; start
     * @param slowest      the task with the longest wall time
     */
    public record KindProfile(String kind, int count, long wallNanos, long cpuNanos, long waitingNanos,
                              long rows, long bytes, TaskProfile slowest, long rowsOut) {}

    public ComputationProfile {
        requireNonNull(computation, "computation is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
    }

    /** Per-kind aggregates, kinds in the order their first task started. CPU is -1 if not measured. */
    public Map<String, KindProfile> byKind() {
        Map<String, List<TaskProfile>> groups = new LinkedHashMap<>();
        for (TaskProfile task : tasks) {
            groups.computeIfAbsent(task.kind(), k -> new ArrayList<>()).add(task);
        }
        Map<String, KindProfile> kinds = new LinkedHashMap<>();
        groups.forEach((kind, group) -> {
            long wall = 0;
            long cpu = 0;
            long waiting = 0;
            long rows = 0;
            long bytes = 0;
            TaskProfile slowest = group.get(0);
            for (TaskProfile task : group) {
                wall += task.wallNanos();
                cpu = cpu < 0 || task.cpuNanos() < 0 ? -1 : cpu + task.cpuNanos();
                waiting += task.waitingNanos();
                rows += task.rows();
                bytes += task.bytes();
                if (task.wallNanos() > slowest.wallNanos()) {
                    slowest = task;
                }
            }
            kinds.put(kind, new KindProfile(kind, group.size(), wall, cpu, waiting, rows, bytes, slowest,
                    group.stream().mapToLong(TaskProfile::rowsOut).sum()));
        });
        return Collections.unmodifiableMap(kinds);
    }

    /** The profile of the task with this key, or null if it did not run. */
    public TaskProfile task(String key) {
        for (TaskProfile task : tasks) {
            if (task.key().equals(key)) {
                return task;
            }
        }
        return null;
    }

    /**
     * An aligned text table, one row per kind and a total row. "working" sums the tasks' wall times
     * (start to end), "cpu" their threads' CPU time, "waiting" their time from ready to start (a
     * thread or an in-flight slot was not free); "slowest" is the task of longest wall time.
     * <pre>
     * computation #7: 31 of 31 tasks ran in 412.3 ms wall
     * kind      tasks   working       cpu   waiting   rows   bytes  slowest
     * chunk        16  301.2 ms  290.1 ms   12.0 ms   1.6M  120.0M  25.1 ms 'chunk-3' (file:/x.csv)
     * </pre>
     */
    public String toTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", "tasks", "working", "cpu", "waiting", "rows in", "bytes in", "rows out", "slowest"});
        long wall = 0;
        long cpu = 0;
        long waiting = 0;
        long rowCount = 0;
        long bytes = 0;
        for (KindProfile kind : byKind().values()) {
            rows.add(new String[] {kind.kind(), Integer.toString(kind.count()), duration(kind.wallNanos()),
                    kind.cpuNanos() < 0 ? "n/a" : duration(kind.cpuNanos()), duration(kind.waitingNanos()),
                    count(kind.rows()), count(kind.bytes()), count(kind.rowsOut()),
                    duration(kind.slowest().wallNanos()) + " " + name(kind.slowest())});
            wall += kind.wallNanos();
            cpu = cpu < 0 || kind.cpuNanos() < 0 ? -1 : cpu + kind.cpuNanos();
            waiting += kind.waitingNanos();
            rowCount += kind.rows();
            bytes += kind.bytes();
        }
        rows.add(new String[] {"total", Integer.toString(tasks.size()), duration(wall),
                cpu < 0 ? "n/a" : duration(cpu), duration(waiting), count(rowCount), count(bytes), "", ""});
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(computation).append(": ").append(tasks.size()).append(" of ").append(tasksTotal)
                .append(" tasks ran in ").append(duration(wallNanos)).append(" wall\n");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                boolean left = c == 0 || c == row.length - 1;
                line.append(c == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String name(TaskProfile task) {
        return task.description().isEmpty() ? "'" + task.key() + "'" : "'" + task.key() + "' (" + task.description() + ")";
    }

    /** "850 ns", "12.3 us", "412.3 ms", "3.21 s". */
    static String duration(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** "950", "12.3k", "1.6M", "2.0G". */
    static String count(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1fG", n / 1e9);
    }
}
