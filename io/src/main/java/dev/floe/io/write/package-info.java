/**
 * Writing Arrow batches out: CSV ({@link dev.floe.io.write.CsvWriter}, RFC 4180 in the CLI's text forms) and
 * Arrow IPC files ({@link dev.floe.io.write.ArrowIpcWriter}), as one file or one file per partition
 * ({@link dev.floe.io.write.PartitionedOutput}), to a local path or any Hadoop FileSystem URI. Start at
 * {@link dev.floe.io.write.Writers}.
 *
 * <pre>
 *  VectorSchemaRoot ─► BatchWriter.write ─► CsvEncoder (bytes) | ArrowFileWriter ─► AtomicFile
 *                                                                 .name.&lt;random&gt;.tmp ─commit─► name
 * </pre>
 * No output is ever visible half-written: bytes go to a hidden temporary file in the target directory, which
 * is renamed into place on commit and deleted on abort or failure.
 */
package dev.floe.io.write;
