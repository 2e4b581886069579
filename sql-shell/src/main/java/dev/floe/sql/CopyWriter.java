package dev.floe.sql;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.WriteFormat;
import dev.floe.dataframe.Written;
import dev.floe.expressions.PlanException;
import dev.floe.io.write.CsvWriteOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code COPY (query) TO 'path' (FORMAT csv|arrow, HEADER, DELIMITER ',', QUOTE '"', NULLSTR '',
 * PER_PARTITION)}: the frame's {@code writeCsv}/{@code writeArrow}, to a local path or a Hadoop URI. One
 * file unless PER_PARTITION, which writes a directory of one file per partition, as does a path ending in
 * {@code /} (unless PER_PARTITION false says otherwise). FORMAT defaults to
 * arrow for .arrow/.ipc/.feather paths, else csv. Nothing is visible until everything is written; a COPY
 * that fails or is cancelled (Ctrl-C) leaves nothing at a path that was free before (local or HDFS: the
 * io writers remove the directories they created).
 */
final class CopyWriter {
    static final List<String> OPTIONS = List.of("delimiter", "format", "header", "nullstr", "per_partition", "quote");

    private CopyWriter() {
    }

    /** Runs the COPY; {@code onMetrics} is told what its query read and rejected, before the result is made. */
    static SqlResult copy(Statement.Copy c, DataFrame df, long started, Consumer<QueryMetrics> onMetrics) {
        String format = formatOf(c);
        CsvWriteOptions csv = CsvWriteOptions.defaults();
        // 'out/' names a directory: one file per partition there (it used to write a file called 'out')
        boolean single = !c.path().endsWith("/");
        for (Map.Entry<String, Object> o : c.options().entrySet()) {
            Object v = o.getValue();
            try {
                switch (o.getKey()) {
                    case "format" -> { }
                    case "header" -> csv = csv.withHeader(bool(o.getKey(), v));
                    case "delimiter", "delim", "sep" -> csv = csv.withDelimiter(character(o.getKey(), v));
                    case "quote" -> csv = csv.withQuote(character(o.getKey(), v));
                    case "nullstr" -> csv = csv.withNullString(String.valueOf(v));
                    case "per_partition" -> single = !bool(o.getKey(), v);
                    default -> throw new PlanException("unknown COPY option '" + o.getKey() + "'; options: "
                            + String.join(", ", OPTIONS));
                }
            } catch (IllegalArgumentException e) {
                throw new PlanException("COPY option " + o.getKey().toUpperCase(Locale.ROOT) + " " + v + ": " + e.getMessage());
            }
        }
        // the writers leave nothing at a path that was free if the write fails or is cancelled (io write)
        Written written = df.write(c.path(), format.equals("csv") ? WriteFormat.CSV : WriteFormat.ARROW, csv, single);
        onMetrics.accept(written.metrics());
        long rows = written.rows();
        return new SqlResult.Message(String.format(Locale.ROOT, "Wrote %,d %s to %s", rows, rows == 1 ? "row" : "rows", c.path())
                + RejectErrors.summary(written.metrics()), System.nanoTime() - started);
    }

    private static boolean bool(String name, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new PlanException("COPY option " + name.toUpperCase(Locale.ROOT) + " takes TRUE or FALSE, not " + v);
    }

    private static char character(String name, Object v) {
        String s = String.valueOf(v);
        if (s.equals("\\t")) {
            return '\t';
        }
        if (s.length() != 1) {
            throw new PlanException("COPY option " + name.toUpperCase(Locale.ROOT) + " takes one character, not '" + s + "'");
        }
        return s.charAt(0);
    }

    /** FORMAT as given, else from the file name's extension (.arrow, .ipc, .feather: arrow), else csv. */
    static String formatOf(Statement.Copy c) {
        Object f = c.options().get("format");
        if (f == null) {
            String p = c.path().toLowerCase(Locale.ROOT);
            return p.endsWith(".arrow") || p.endsWith(".ipc") || p.endsWith(".feather") ? "arrow" : "csv";
        }
        String format = String.valueOf(f).toLowerCase(Locale.ROOT);
        if (!format.equals("csv") && !format.equals("arrow")) {
            throw new PlanException("COPY FORMAT must be csv or arrow, not " + f);
        }
        return format;
    }
}
