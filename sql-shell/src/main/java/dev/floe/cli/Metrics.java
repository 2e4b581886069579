package dev.floe.cli;

import dev.floe.dataframe.QueryMetrics;

/** Query metrics the footer shows, whether or not this build's {@link QueryMetrics} has them yet. */
final class Metrics {
    private Metrics() {
    }

    /** Rows the CSV reader rejected (0 while QueryMetrics has no rowsRejected). */
    static long rowsRejected(QueryMetrics m) {
        return 0;
    }
}
