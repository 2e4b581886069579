package dev.floe.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The end-to-end query in DuckDB through JDBC. Every run opens a fresh in-memory database, so nothing
 * (parsed CSV, sniffed dialect, file cache) carries over from one run to the next. The timed region
 * includes opening that database, which takes about a millisecond.
 */
final class DuckDbQuery implements HourlyMeanQuery {
    private final String glob;
    private final int threads;
    private final String version;

    DuckDbQuery(String glob, int threads) throws SQLException {
        this.glob = glob;
        this.threads = threads;
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            this.version = rs.getString(1);
        }
    }

    String version() {
        return version;
    }

    String sql() {
        return "SELECT hour(timestamp) AS hour, avg(value) AS mean_value FROM read_csv('" + glob.replace("'", "''")
                + "') GROUP BY hour ORDER BY hour";
    }

    @Override
    public String label() {
        return "DuckDB " + version + " (threads=" + threads + ")";
    }

    @Override
    public HourlyMeans run() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            try (ResultSet rs = s.executeQuery(sql())) {
                double[] means = new double[HourlyMeans.HOURS];
                long[] hours = new long[HourlyMeans.HOURS];
                int rows = 0;
                while (rs.next()) {
                    if (rows < HourlyMeans.HOURS) {
                        hours[rows] = rs.getLong(1);
                        means[rows] = rs.getDouble(2);
                    }
                    rows++;
                }
                return HourlyMeans.fromRows("DuckDB", rows, new HourlyMeans.RowReader() {
                    @Override
                    public long hour(int row) {
                        return hours[row];
                    }

                    @Override
                    public double mean(int row) {
                        return means[row];
                    }
                });
            }
        }
    }

    private static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}
