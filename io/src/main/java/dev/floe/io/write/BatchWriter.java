package dev.floe.io.write;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes Arrow batches to one output file.
 *
 * <p>Protocol: {@link #write} any number of batches, then {@link #commit()} once; or {@link #abort()} at any
 * point. {@link #close()} without a commit aborts. After commit or abort every call but close throws.
 * Nothing is visible under the output's name until the commit: the bytes go to a hidden temporary file in
 * the same directory, renamed into place on commit and deleted on abort, so a failed write never leaves a
 * half file that looks like a whole one. A writer from {@link PartitionedOutput#part} commits into a hidden
 * file too, published when the whole output commits.
 *
 * <p>The writer reads {@code batch} during {@code write} only; it keeps no reference to it, and the caller
 * still owns (and closes) it. The batch's columns must have the writer's schema (names and types). Not
 * thread-safe: one task owns one writer; several writers may run on several threads.
 */
public interface BatchWriter extends AutoCloseable {
    void write(VectorSchemaRoot batch);

    /** Finishes the file and makes it visible under its name (or ready for the partitioned output's commit). */
    void commit();

    /**
     * Drops everything written; no file is left behind. Safe to call more than once and after a failure; after a
     * commit it throws (the file is already visible).
     */
    void abort();

    /** Rows written so far. */
    long rowsWritten();

    /** Aborts unless committed. */
    @Override
    void close();
}
