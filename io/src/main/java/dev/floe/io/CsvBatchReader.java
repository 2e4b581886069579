package dev.floe.io;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Field;
import dev.floe.expressions.Schema;
import dev.floe.io.csv.CsvScanner;
import dev.floe.io.fs.Storage;
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
    private final int batchRows;
    private final int capacity;
    private boolean closed;

    CsvBatchReader(FileSplit split, Schema schema, CsvOptions options, int[] columns, BufferAllocator allocator,
            int maxBuffer) {
        this.split = requireNonNull(split, "split is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(options, "options is null");
        requireNonNull(allocator, "allocator is null");
        int[] projection = columns != null ? columns.clone() : allColumns(schema.size());
        checkProjection(projection, schema);
        this.batchRows = options.batchRows();
        // a record has at least one byte and a line end, so a split of n bytes holds at most n/2 + 1 records
        this.capacity = (int) Math.min(batchRows, split.length() / 2 + 2);
        String[] names = schema.names().toArray(String[]::new);
        boolean[] declared = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            declared[i] = options.declaredType(names[i]) != null;
        }
        CsvScanner s = new CsvScanner(Storage.open(split.path()), split, options.delimiter(), options.quote(),
                options.header(), names, maxBuffer);
        this.vectors = new ArrayList<>(projection.length);
        try {
            s.declared(declared);
            for (int column : projection) {
                Field field = schema.field(column);
                FieldVector vector = field.toArrow().createVector(allocator);
                vectors.add(vector);
                s.bind(column, field.type(), vector);
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            s.close();
            throw e;
        }
        this.scanner = s;
        this.root = new VectorSchemaRoot(vectors);
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

    /**
     * Bytes of the file consumed so far: from where the split's first record begins (0 for a split at the
     * file's start) to where the last record read ends. Over all splits of a file they add up to its length.
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
