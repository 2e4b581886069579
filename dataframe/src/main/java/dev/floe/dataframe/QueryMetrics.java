package dev.floe.dataframe;

import dev.floe.io.Reject;
import dev.floe.scheduler.ComputationProfile;
import java.util.List;
import dev.floe.scheduler.TaskGraph;

/**
 * What a query did: input rows and bytes read by its scans, partitions, tasks run, wall time, and — for
 * a query that ran as one graph — the graph and its per-task profile (for {@code explainAnalyze()} and
 * pictures). Rows read count every record parsed, before any filter; rows rejected are the bad rows
 * skipped under {@code ignore_errors} (never silently: they are counted here). Files and bytes spilled are
 * what sorts and shuffle joins wrote to the spill directory (see {@link SpillOptions}); the files are
 * gone by the time the query returns. UTF-8 replacements count the invalid UTF-8 sequences the scans read as
 * U+FFFD under {@code replace_invalid_utf8} ({@code CsvOptions.withReplaceInvalidUtf8}), summed over every
 * split: never silently replaced, always 0 without that option (invalid UTF-8 is then an error).
 */
public record QueryMetrics(long rowsRead, long bytesRead, int partitions, int tasks, long elapsedNanos,
        TaskGraph graph, ComputationProfile profile, long rowsRejected, List<Reject> rejects, int filesSpilled,
        long bytesSpilled, long utf8Replacements) {
    public static final QueryMetrics NONE = new QueryMetrics(0, 0, 0, 0, 0);

    /**
     * @param rejects the rejected rows themselves, when the scans were asked to keep them
     *                ({@code CsvOptions.withRejects}, SQL {@code store_rejects = true}): the first
     *                {@link dev.floe.io.RejectLog#DEFAULT_CAPACITY} of them, sorted by file and byte offset, while
     *                {@code rowsRejected} stays the exact count; empty otherwise
     */
    public QueryMetrics {
        rejects = List.copyOf(rejects);
    }

    public QueryMetrics(long rowsRead, long bytesRead, int partitions, int tasks, long elapsedNanos, TaskGraph graph,
            ComputationProfile profile, long rowsRejected, List<Reject> rejects, int filesSpilled, long bytesSpilled) {
        this(rowsRead, bytesRead, partitions, tasks, elapsedNanos, graph, profile, rowsRejected, rejects, filesSpilled,
                bytesSpilled, 0);
    }

    public QueryMetrics(long rowsRead, long bytesRead, int partitions, int tasks, long elapsedNanos, TaskGraph graph,
            ComputationProfile profile, long rowsRejected) {
        this(rowsRead, bytesRead, partitions, tasks, elapsedNanos, graph, profile, rowsRejected, List.of(), 0, 0);
    }

    public QueryMetrics(long rowsRead, long bytesRead, int partitions, int tasks, long elapsedNanos, TaskGraph graph,
            ComputationProfile profile) {
        this(rowsRead, bytesRead, partitions, tasks, elapsedNanos, graph, profile, 0);
    }

    public QueryMetrics(long rowsRead, long bytesRead, int partitions, int tasks, long elapsedNanos) {
        this(rowsRead, bytesRead, partitions, tasks, elapsedNanos, null, null);
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Input megabytes (10^6 bytes) per second of wall time. */
    public double megabytesPerSecond() {
        return elapsedNanos == 0 ? 0 : bytesRead / 1e6 / elapsedSeconds();
    }
}
