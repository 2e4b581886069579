package dev.floe.dataframe;

import dev.floe.dataframe.plan.CsvScan;
import dev.floe.io.CsvOptions;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Where a Floe program starts.
 *
 * <pre>{@code
 * DataFrame df = Floe.readCsv("logs/*.csv", CsvOptions.parseDates("timestamp"));
 * try (Table t = df.groupBy(col("timestamp").dt().hour().as("hour"))
 *                  .agg(mean(col("value")).as("mean_value"))
 *                  .sort("hour")
 *                  .compute()) {
 *     System.out.println(t);
 * }
 * }</pre>
 */
public final class Floe {
    private static final RootAllocator ROOT = new RootAllocator(Long.MAX_VALUE);

    private Floe() {
    }

    /**
     * A lazy frame over every CSV file {@code glob} matches: a local path or glob ({@code *}, {@code ?},
     * {@code [..]}, {@code **}) or a Hadoop file-system URI ({@code hdfs://...}). This call reads
     * nothing; the frame's first operation (or action, or {@code schema()}) lists the files and infers
     * the schema from a sample, as Dask's {@code read_csv} does, so that operation and every later one
     * is type-checked when it is called. That listing and schema are made once: every frame derived
     * from this one, and every action, reuses them (files added or changed later are not seen).
     */
    public static DataFrame readCsv(String glob, CsvOptions options) {
        return new DataFrame(CsvScan.of(glob, options), ExecutionOptions.defaults());
    }

    public static DataFrame readCsv(String glob) {
        return readCsv(glob, CsvOptions.defaults());
    }

    /**
     * A frame over the rows of {@code table} (one partition), read in place: the table stays the caller's,
     * who keeps it open while any frame built on it runs, and closes it afterwards.
     */
    public static DataFrame fromTable(Table table) {
        return new DataFrame(new dev.floe.dataframe.plan.InMemoryScan(new TableData(table)), ExecutionOptions.defaults());
    }

    /**
     * A frame of one row and no columns, to which {@code withColumns}/{@code select} add constants: the
     * source of a query that reads no table (SQL's {@code SELECT 1 + 2} without FROM). It is held in
     * memory (no file is read or written) and owns no Arrow buffers, so it needs no closing.
     */
    public static DataFrame oneRow() {
        return new DataFrame(new dev.floe.dataframe.plan.InMemoryScan(new NoColumns(1)), ExecutionOptions.defaults());
    }

    /**
     * The process-wide allocator every query's allocator descends from. Its allocated memory is zero
     * whenever no query runs and every {@link Table} is closed.
     */
    public static BufferAllocator rootAllocator() {
        return ROOT;
    }
}
