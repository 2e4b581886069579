package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

/**
 * What a write did ({@link DataFrame#write}): the rows written, and what the query read and rejected to write
 * them ({@link QueryMetrics#rowsRejected()}, and {@link QueryMetrics#rejects()} when the scans keep them).
 */
public record Written(long rows, QueryMetrics metrics) {
    public Written {
        requireNonNull(metrics, "metrics is null");
    }
}
