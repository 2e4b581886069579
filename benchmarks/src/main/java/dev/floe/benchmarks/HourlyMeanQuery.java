package dev.floe.benchmarks;

/** One engine's way to answer the end-to-end query over a CSV glob. */
interface HourlyMeanQuery {
    /** A short label for the report, e.g. "DuckDB 1.4.4 (threads=2)". */
    String label();

    /** Runs the query once, from the CSV files to the 24 means. */
    HourlyMeans run() throws Exception;
}
