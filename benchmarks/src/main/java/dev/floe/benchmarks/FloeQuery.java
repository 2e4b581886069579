package dev.floe.benchmarks;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.mean;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.Floe;
import dev.floe.dataframe.Table;
import dev.floe.io.CsvOptions;

/**
 * The end-to-end query through Floe's Java API, the canonical job of DESIGN.md:
 * {@code df.groupby(df.timestamp.dt.hour).value.mean()}. Each run plans anew from the glob (schema
 * inference included), as a user's program would.
 */
final class FloeQuery implements HourlyMeanQuery {
    private final String glob;

    FloeQuery(String glob) {
        this.glob = glob;
    }

    @Override
    public String label() {
        return "Floe (" + Runtime.getRuntime().availableProcessors() + " worker threads)";
    }

    @Override
    public HourlyMeans run() throws Exception {
        DataFrame df = Floe.readCsv(glob, CsvOptions.parseDates("timestamp"));
        try (Table result = df.groupBy(col("timestamp").dt().hour().as("hour"))
                .agg(mean(col("value")).as("mean_value"))
                .sort("hour")
                .compute()) {
            return HourlyMeans.fromRows("Floe", result.rowCount(), new HourlyMeans.RowReader() {
                @Override
                public long hour(int row) {
                    return ((Number) result.get(row, 0)).longValue();
                }

                @Override
                public double mean(int row) {
                    return ((Number) result.get(row, 1)).doubleValue();
                }
            });
        }
    }
}
