package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where a DataFrame's batches go: one file, or a directory of one file per partition
 * ({@link PartitionedOutput}), as CSV or Arrow IPC, on the local disk or any Hadoop FileSystem. Every
 * file is written under a hidden temporary name and appears whole on commit, or not at all.
 *
 * <pre>
 *  try (BatchWriter w = Writers.csv("/out/result.csv", schema, CsvWriteOptions.defaults())) {
 *      for (VectorSchemaRoot batch : batches) w.write(batch);
 *      w.commit();                         // without it, close() deletes the temporary file
 *  }
 * </pre>
 */
public final class Writers {
    private Writers() {
    }

    /** One CSV file at {@code path}; an existing file is replaced on commit. */
    public static BatchWriter csv(String path, Schema schema, CsvWriteOptions options) {
        check(path, schema);
        requireNonNull(options, "options is null");
        return new CsvWriter(AtomicFile.create(path), schema, options, null);
    }

    /** One Arrow IPC file at {@code path}; {@code allocator} holds the writer's (empty) vectors. */
    public static BatchWriter arrow(String path, Schema schema, BufferAllocator allocator) {
        check(path, schema);
        requireNonNull(allocator, "allocator is null");
        return new ArrowIpcWriter(AtomicFile.create(path), schema, allocator, null);
    }

    /** A directory of {@code part-NNNNN.csv} files, one per partition. */
    public static PartitionedOutput csvParts(String directory, Schema schema, CsvWriteOptions options) {
        check(directory, schema);
        requireNonNull(options, "options is null");
        return new PartitionedOutput(directory, "csv", (file, onCommit) -> new CsvWriter(file, schema, options, onCommit));
    }

    /** A directory of {@code part-NNNNN.arrow} files, one per partition. */
    public static PartitionedOutput arrowParts(String directory, Schema schema, BufferAllocator allocator) {
        check(directory, schema);
        requireNonNull(allocator, "allocator is null");
        return new PartitionedOutput(directory, "arrow",
                (file, onCommit) -> new ArrowIpcWriter(file, schema, allocator, onCommit));
    }

    private static void check(String path, Schema schema) {
        requireNonNull(path, "path is null");
        requireNonNull(schema, "schema is null");
    }
}
