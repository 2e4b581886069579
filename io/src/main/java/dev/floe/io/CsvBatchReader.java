package dev.floe.io;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Field;
import dev.floe.expressions.Schema;
import dev.floe.io.csv.CsvScanner;
import dev.floe.io.csv.Dialect;
import dev.floe.io.csv.Formats;
import dev.floe.io.csv.HivePartitions;
import dev.floe.io.csv.RowPolicy;
import dev.floe.io.csv.SchemaInference.FileColumns;
import dev.floe.io.csv.Sources;
import dev.floe.io.fs.FileEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one {@link FileSplit} as a stream of Arrow batches of up to {@link CsvOptions#batchRows()} rows.
 *
 * <p>Protocol: call {@link #next()}; while it returns true, {@link #batch()} holds the next rows; then
 * {@link #close()}. The batch's {@link VectorSchemaRoot} and vectors are owned by the reader and reused:
 * they are valid until the next call to {@code next()} or {@code close()}; a consumer that keeps values
 * longer copies them (or transfers the buffers out, after which the reader allocates new ones).
 * {@code close()} frees every buffer the reader allocated.
 *
 * <p>The parsing itself is {@link CsvScanner}'s (the split rule, quoting, and error messages are
 * documented there): this class owns the vectors and the batch loop.
 */
public final class CsvBatchReader implements AutoCloseable {
    private final FileSplit split;
    private final CsvScanner scanner;
    private final VectorSchemaRoot root;
    private final List<FieldVector> vectors;
    /** Vectors the scanner does not fill (a column this file lacks, filename, partition keys), and their value. */
    private final List<FieldVector> constants = new ArrayList<>();
    private final List<Object> constantValues = new ArrayList<>();
    private final int capacity;
    /** Where rejects are counted and kept: this reader's own, or its query's ({@link #shareRejects}). */
    private RejectLog rejectLog;
    private final double maxRejectsFraction;
    /** A compressed or transcoded split (its decoded length is unknown), and what was told the log so far. */
    private final boolean stream;
    private long bytesReported;
    /** What {@link #next} has told the reject log: rows, and whether the split's end (for {@link #retractFromLog}). */
    private long rowsLogged;
    private boolean endLogged;
    private boolean closed;

    CsvBatchReader(FileSplit split, Schema schema, CsvOptions options, FileColumns layout, int dataColumns,
            int[] columns, BufferAllocator allocator, int maxBuffer) {
        this.split = requireNonNull(split, "split is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(options, "options is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(allocator, "allocator is null");
        int[] projection = columns != null ? columns.clone() : allColumns(schema.size());
        checkProjection(projection, schema);
        boolean stream = Sources.isStream(split.path(), options);
        this.stream = stream;
        // a record has at least one byte and a line end, so a split of n bytes holds at most n/2 + 1 records
        this.capacity = stream ? options.batchRows() : (int) Math.min(options.batchRows(), split.length() / 2 + 2);
        String[] names = layout.columns().toArray(String[]::new);
        boolean[] declared = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            declared[i] = options.declaredType(names[i]) != null;
        }
        FileSplit scanned = stream
                ? new FileSplit(split.path(), 0, Sources.UNKNOWN_LENGTH, Sources.UNKNOWN_LENGTH, split.index())
                : split;
        // the file as listed: one rewritten or truncated since is a FileChangedException, never a short read
        FileEntry listed = new FileEntry(split.path(), split.fileLength(), split.modificationTime());
        CsvScanner s = new CsvScanner(Sources.open(listed, options), scanned, Dialect.of(options), names,
                maxBuffer);
        this.vectors = new ArrayList<>(projection.length);
        try {
            s.declared(declared);
            RowPolicy policy = RowPolicy.of(options);
            // the scanner applies the count budget; the fraction is checked here, on the query's totals
            s.policy(policy.withoutFraction());
            this.rejectLog = new RejectLog(policy.keepRejects() ? RejectLog.DEFAULT_CAPACITY : 0);
            rejectLog.expect(List.of(split), options);
            s.rejectLog(rejectLog, false);
            s.formats(Formats.of(options));
            List<String> fileColumns = layout.columns();
            for (int column : projection) {
                Field field = schema.field(column);
                FieldVector vector = field.toArrow().createVector(allocator);
                vectors.add(vector);
                if (column < dataColumns) {
                    int inFile = fileColumns.indexOf(field.name());
                    if (inFile >= 0) {
                        s.bind(inFile, field.type(), vector);
                    } else {
                        constant(vector, null); // union_by_name: a column this file does not have
                    }
                } else if (options.filename() && column == dataColumns) {
                    constant(vector, split.path());
                } else {
                    String key = partitionKey(schema, column, dataColumns, options, layout);
                    constant(vector, HivePartitions.value(split.path(), key, layout.partitions().get(key),
                            field.type()));
                }
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            s.close();
            throw e;
        }
        this.scanner = s;
        this.maxRejectsFraction = options.maxRejectsFraction();
        rejectLog.limitFraction(maxRejectsFraction);
        this.root = new VectorSchemaRoot(vectors);
    }

    /** The partition key of schema column {@code column} (partition columns follow data and filename). */
    private static String partitionKey(Schema schema, int column, int dataColumns, CsvOptions options,
            FileColumns layout) {
        String name = schema.field(column).name();
        if (layout.partitions().containsKey(name)) {
            return name;
        }
        // a key renamed because a data column had its name: key_1 ...
        int cut = name.lastIndexOf('_');
        return cut > 0 ? name.substring(0, cut) : name;
    }

    private void constant(FieldVector vector, Object value) {
        constants.add(vector);
        constantValues.add(value);
    }

    /**
     * Counts this reader's rejected rows and records in {@code log} instead of a log of its own, and keeps its
     * rejects there (if {@link CsvOptions#rejects()} asks): a query gives one log to all the readers of its
     * splits, so that {@link CsvOptions#maxRejects()} and {@link CsvOptions#maxRejectsFraction()} bound the
     * whole query and its rejects are found in one place. The log must expect this split
     * ({@link RejectLog#expect}) for the fraction to be checked while it reads; the query checks the final
     * totals. Without a shared log both budgets apply to this split. Call before {@link #next()}.
     */
    public void shareRejects(RejectLog log) {
        requireNonNull(log, "log is null");
        if (scanner.rows() > 0 || scanner.rejected() > 0) {
            throw new IllegalStateException("shareRejects after reading from " + split.describe());
        }
        rejectLog = log;
        scanner.rejectLog(log, true);
        log.limitFraction(maxRejectsFraction);
    }

    /** Reads the next batch; false at the end of the split (the batch is then empty). */
    public boolean next() {
        if (closed) {
            throw new IllegalStateException("reader of " + split.describe() + " is closed");
        }
        if (scanner.finished()) {
            root.setRowCount(0);
            return false;
        }
        for (FieldVector v : vectors) {
            if (v.getValueCapacity() < capacity) {
                v.clear();
                v.setInitialCapacity(capacity);
                v.allocateNew();
            }
        }
        int rows = scanner.read(capacity);
        long bytes = stream ? 0 : scanner.bytesConsumed();
        rejectLog.read(rows, bytes - bytesReported, stream, scanner.finished());
        rowsLogged += rows;
        endLogged = scanner.finished();
        bytesReported = bytes;
        rejectLog.checkFraction(split.path());
        for (int i = 0; i < constants.size(); i++) {
            Constants.fill(constants.get(i), constantValues.get(i), rows);
        }
        root.setRowCount(rows);
        return rows > 0;
    }

    /** The current batch: the projected columns, named and typed as in the schema. */
    public VectorSchemaRoot batch() {
        return root;
    }

    /** Rows read so far. */
    public long rowsRead() {
        return scanner.rows();
    }

    /** Rows skipped as bad so far ({@link CsvOptions#ignoreErrors()}); rowsRead() + rowsRejected() = records. */
    public long rowsRejected() {
        return scanner.rejected();
    }

    /**
     * The rejected rows kept so far, if {@link CsvOptions#rejects()} asked to keep them; else empty. With a
     * shared log ({@link #shareRejects}): those of every reader writing to it.
     */
    public List<Reject> rejects() {
        return rejectLog.rejects();
    }

    /**
     * Takes back from the shared reject log ({@link #shareRejects}) everything this reader wrote to it: its
     * rows, bytes, split end and rejects. For a task that failed and is run again, so that the next reader of
     * the same split does not count them twice. May be called after {@link #close}.
     */
    public void retractFromLog() {
        rejectLog.retract(rowsLogged, bytesReported, stream, endLogged, scanner.rejected(), scanner.keptRejects());
        rowsLogged = 0;
        bytesReported = 0;
        endLogged = false;
    }

    /** The log this reader counts its rejects in: its own, or the one given to {@link #shareRejects}. */
    public RejectLog rejectLog() {
        return rejectLog;
    }

    /** Invalid UTF-8 sequences replaced by U+FFFD so far ({@link CsvOptions#replaceInvalidUtf8()}). */
    public long replacements() {
        return scanner.replacements();
    }

    /**
     * Bytes of the file consumed so far: from where the split's first record begins (0 for a split at the
     * file's start) to where the last record read ends. Over all splits of a file they add up to its length.
     * (For a compressed or transcoded file: decoded bytes.)
     */
    public long bytesRead() {
        return scanner.bytesConsumed();
    }
    public FileSplit split() {
        return split;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            scanner.close();
        } finally {
            root.close();
        }
    }

    private static int[] allColumns(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static void checkProjection(int[] columns, Schema schema) {
        boolean[] seen = new boolean[schema.size()];
        for (int c : columns) {
            if (c < 0 || c >= schema.size()) {
                throw new IllegalArgumentException("column index " + c + " out of range for schema " + schema);
            }
            if (seen[c]) {
                throw new IllegalArgumentException("column index " + c + " ('" + schema.field(c).name()
                        + "') projected twice");
            }
            seen[c] = true;
        }
    }
}
