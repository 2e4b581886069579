package dev.floe.dataframe;

/**
 * What a query did: input rows and bytes read by its scans, partitions, tasks run, and wall time.
 * Rows read count every record parsed, before any filter.
 */
public record QueryMetrics(long rowsRead, long bytesRead, int partitions, int tasks, long elapsedNanos) {
    public static final QueryMetrics NONE = new QueryMetrics(0, 0, 0, 0, 0);

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Input megabytes (10^6 bytes) per second of wall time. */
    public double megabytesPerSecond() {
        return elapsedNanos == 0 ? 0 : bytesRead / 1e6 / elapsedSeconds();
    }
}
