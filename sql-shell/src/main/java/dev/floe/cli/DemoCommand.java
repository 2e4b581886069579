package dev.floe.cli;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.mean;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.Floe;
import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.Table;
import dev.floe.io.CsvOptions;
import dev.floe.testdata.TimeseriesGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code floe demo}: generates the sample table once into a cache folder, then runs
 * {@code df.groupby(df.timestamp.dt.hour).value.mean()} through the Java API and prints the result.
 */
final class DemoCommand {
    static final int DEFAULT_FILES = 4;
    static final long DEFAULT_ROWS_PER_FILE = 400_000;

    private DemoCommand() {
    }

    static int run(Args args, PrintStream out) {
        args.allowOnly("files", "rows-per-file", "cache");
        TimeseriesGenerator.Spec spec = new TimeseriesGenerator.Spec((int) args.getLong("files", DEFAULT_FILES),
                args.getLong("rows-per-file", DEFAULT_ROWS_PER_FILE), 42);
        Path cache = Path.of(args.get("cache", defaultCache()));
        out.printf("Sample data: %d files x %,d rows in %s%n", spec.files(), spec.rowsPerFile(), cache);
        Path dir = TimeseriesGenerator.ensureSample(cache, spec);
        String glob = dir.resolve("*.csv").toString();
        out.println();
        out.println("DataFrame df = Floe.readCsv(\"" + glob + "\", CsvOptions.parseDates(\"timestamp\"));");
        out.println("df.groupBy(col(\"timestamp\").dt().hour().as(\"hour\")).agg(mean(col(\"value\")).as(\"mean_value\")).sort(\"hour\").compute();");
        out.println();
        // A progress bar on stderr when it is a terminal (nothing otherwise).
        DataFrame df = Floe.readCsv(glob, CsvOptions.parseDates("timestamp")).withProgress(new ProgressBar(System.err));
        try (Table result = df.groupBy(col("timestamp").dt().hour().as("hour"))
                .agg(mean(col("value")).as("mean_value"))
                .sort("hour")
                .compute()) {
            out.print(result.toString());
            QueryMetrics m = result.metrics();
            out.printf(Locale.ROOT, "%,d rows, %s read in %.3f s: %.1f MB/s, %,.0f rows/s (%d partitions, %d tasks, %d threads)%n",
                    m.rowsRead(), Sizes.bytes(m.bytesRead()), m.elapsedSeconds(), m.megabytesPerSecond(),
                    m.rowsRead() / Math.max(1e-9, m.elapsedSeconds()), m.partitions(), m.tasks(),
                    df.options().scheduler().threads());
        }
        return 0;
    }

    /** {@code $FLOE_CACHE}, else {@code $XDG_CACHE_HOME/floe}, else {@code ~/.cache/floe}. */
    static String defaultCache() {
        String floe = System.getenv("FLOE_CACHE");
        if (floe != null && !floe.isBlank()) {
            return floe;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "floe").toString();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "floe").toString();
    }
}
