package dev.floe.sql;

import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.Table;
import dev.floe.dataframe.plan.CsvScan;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.expressions.FloeType;
import dev.floe.io.Reject;
import dev.floe.io.fs.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code reject_errors} table, as DuckDB has it: after a query that read with
 * {@code read_csv(..., store_rejects = true)}, one row per rejected row of that query (the first 10,000; the
 * count in the footer stays exact), replaced by the next such query.
 *
 * <pre>
 *   file           VARCHAR  the file, as a local path or a URI
 *   line           BIGINT   the 1-based physical line where the record starts
 *   byte_position  BIGINT   the record's byte offset in the file
 *   column_name    VARCHAR  the column at fault, NULL when the row as a whole is (too many fields)
 *   csv_line       VARCHAR  the record as it stands in the file, truncated to about 1 KB
 *   error_message  VARCHAR  why it was rejected
 * </pre>
 */
final class RejectErrors {
    static final String NAME = "reject_errors";
    static final List<String> COLUMNS = List.of("file", "line", "byte_position", "column_name", "csv_line",
            "error_message");

    private RejectErrors() {
    }

    /** Whether a scan of {@code plan} keeps its rejects (store_rejects). */
    static boolean stores(LogicalPlan plan) {
        if (plan instanceof CsvScan scan && scan.source().options().rejects()) {
            return true;
        }
        for (LogicalPlan input : plan.inputs()) {
            if (stores(input)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a statement's message (CREATE TABLE ... AS, COPY): {@code "; 3 rows rejected by the reader (SELECT * FROM
     * reject_errors)"}, or how to keep them, or nothing when the query rejected no row.
     */
    static String summary(QueryMetrics metrics) {
        long rejected = metrics.rowsRejected();
        if (rejected == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; %,d %s rejected by the reader", rejected, rejected == 1 ? "row" : "rows")
                + (metrics.rejects().isEmpty() ? " (store_rejects = true keeps them)" : " (SELECT * FROM " + NAME + ")");
    }

    /** The table of {@code rejects}; the caller closes it. */
    static Table table(List<Reject> rejects) {
        List<Object[]> rows = new ArrayList<>(rejects.size());
        for (Reject r : rejects) {
            rows.add(new Object[] {Storage.displayName(r.file()), r.line(), r.byteOffset(), r.column(), r.rawText(),
                    r.reason()});
        }
        return ResultTables.of(COLUMNS, List.of(FloeType.STRING, FloeType.INT64, FloeType.INT64, FloeType.STRING,
                FloeType.STRING, FloeType.STRING), rows);
    }
}
