package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.io.FloeIOException;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The life cycle shared by the file writers: state checks, schema checks, and the {@link AtomicFile}
 * (commit publishes it, or hands it to a {@link PartitionedOutput}; abort and failures discard it).
 * A write that throws leaves the writer failed: only abort or close may follow.
 */
abstract class FileBatchWriter implements BatchWriter {
    private enum State { OPEN, COMMITTED, ABORTED, FAILED }

    protected final Schema schema;
    protected final AtomicFile file;
    private final Consumer<AtomicFile> onCommit;
    private State state = State.OPEN;
    private long rows;

    /** @param onCommit null to publish the file on commit; else receives the finished, still hidden file */
    FileBatchWriter(Schema schema, AtomicFile file, Consumer<AtomicFile> onCommit) {
        this.schema = requireNonNull(schema, "schema is null");
        this.file = requireNonNull(file, "file is null");
        this.onCommit = onCommit;
    }

    /** Writes the rows of a batch whose schema was checked. */
    protected abstract void writeBatch(VectorSchemaRoot batch) throws IOException;

    /** Writes whatever ends the file (buffers, footer) into {@link AtomicFile#stream()}. */
    protected abstract void finishContent() throws IOException;

    /** Releases what the format holds (buffers, vectors), after success or failure. */
    protected abstract void release();

    @Override
    public final void write(VectorSchemaRoot batch) {
        requireNonNull(batch, "batch is null");
        checkOpen("write");
        checkSchema(batch);
        try {
            writeBatch(batch);
            rows += batch.getRowCount();
        } catch (IOException | RuntimeException e) {
            fail();
            if (e instanceof RuntimeException r && !(e instanceof java.io.UncheckedIOException)) {
                throw r;
            }
            throw new FloeIOException("cannot write " + Storage.displayName(file.target()) + ": " + e, e);
        }
    }

    @Override
    public final void commit() {
        checkOpen("commit");
        try {
            finishContent();
            release();
            if (onCommit == null) {
                file.publish();
            } else {
                file.finish();
                onCommit.accept(file);
            }
            state = State.COMMITTED;
        } catch (IOException | RuntimeException e) {
            fail();
            if (e instanceof FloeIOException f) {
                throw f;
            }
            throw new FloeIOException("cannot finish " + Storage.displayName(file.target()) + ": " + e, e);
        }
    }

    @Override
    public final void abort() {
        if (state == State.COMMITTED) {
            throw new IllegalStateException("writer of " + Storage.displayName(file.target()) + " is already committed");
        }
        if (state == State.OPEN) {
            release();
        }
        if (state != State.FAILED) {
            state = State.ABORTED;
        }
        file.discard();
    }

    @Override
    public final long rowsWritten() {
        return rows;
    }

    @Override
    public final void close() {
        if (state == State.OPEN || state == State.FAILED) {
            abort();
        }
    }

    private void fail() {
        if (state == State.OPEN) {
            release();
        }
        state = State.FAILED;
        file.discard();
    }

    private void checkOpen(String what) {
        if (state != State.OPEN) {
            throw new IllegalStateException("cannot " + what + ": the writer of " + Storage.displayName(file.target())
                    + " is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void checkSchema(VectorSchemaRoot batch) {
        var fields = batch.getSchema().getFields();
        boolean ok = fields.size() == schema.size();
        for (int i = 0; ok && i < fields.size(); i++) {
            ArrowType type = fields.get(i).getType();
            FloeType expected = schema.field(i).type();
            ok = fields.get(i).getName().equals(schema.field(i).name()) && type.equals(expected.arrowType());
        }
        if (!ok) {
            fail();
            throw new IllegalArgumentException("batch schema " + batch.getSchema() + " does not match the schema "
                    + schema + " of the writer of " + Storage.displayName(file.target()));
        }
    }
}
