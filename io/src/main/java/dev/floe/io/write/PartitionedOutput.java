package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

import dev.floe.io.FloeIOException;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * A directory of one file per partition, {@code part-00000.csv}, {@code part-00001.csv}, ..., the layout
 * of Spark and Dask, for a DataFrame whose partitions are written by parallel tasks.
 *
 * <pre>
 *  out = Writers.csvParts("hdfs://nn/out", schema, options)
 *  task i (any thread):  try (BatchWriter w = out.part(i)) { w.write(batch) ...; w.commit(); }
 *                          ─► .part-0000i.csv.&lt;random&gt;.tmp, finished but hidden
 *  driver:               out.commit()   ─► every part renamed to part-0000i.csv, then an empty _SUCCESS
 *                        (or out.abort() ─► every temporary file deleted, then the directory if
 *                                            this output created it; nothing is left)
 * </pre>
 * The directory must be missing or hold no visible files when the output is created: parts are never mixed
 * with an older output's. A directory (and its ancestors) that was missing then belongs to this output: an
 * abort, or a commit that fails, removes it if it is empty; one that existed before is never removed.
 * Until the commit only hidden files exist; a reader that sees {@code _SUCCESS} sees every part. Thread-safe: {@link #part} may be called from many threads, once per index (a retried task
 * may ask again for an index whose earlier writer was closed without a commit). Call {@link #commit()} after
 * every task has committed or closed its writer: writers still open then are aborted.
 */
public final class PartitionedOutput implements AutoCloseable {
    public static final String SUCCESS = "_SUCCESS";

    private final String directory;
    private final String extension;
    private final PartFactory factory;
    private final CreatedDirectories createdDirectories;
    private final Map<Integer, AtomicFile> finished = new TreeMap<>();
    private final List<BatchWriter> open = new ArrayList<>();
    private boolean closed;
    private boolean committed;

    /** Makes the writer of one part: its file, and what to call on its commit. */
    interface PartFactory {
        BatchWriter create(AtomicFile file, java.util.function.Consumer<AtomicFile> onCommit);
    }

    PartitionedOutput(String directory, String extension, PartFactory factory) {
        this.directory = stripSlash(requireNonNull(directory, "directory is null"));
        this.extension = requireNonNull(extension, "extension is null");
        this.factory = requireNonNull(factory, "factory is null");
        checkEmpty();
        this.createdDirectories = CreatedDirectories.missing(this.directory);
    }

    /** {@code part-00042.csv} for index 42 (five digits at least, as Spark names them). */
    public String partName(int index) {
        return String.format(java.util.Locale.ROOT, "part-%05d.%s", index, extension);
    }

    /** The path of the part {@code index}, as written after the commit. */
    public String partPath(int index) {
        return directory + "/" + partName(index);
    }

    /** The writer of part {@code index}; its commit leaves the part hidden until {@link #commit()}. */
    public BatchWriter part(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("part index must be >= 0, got " + index);
        }
        synchronized (this) {
            checkOpen();
            if (finished.containsKey(index)) {
                throw new IllegalStateException("part " + index + " of " + directory + " is already committed");
            }
        }
        BatchWriter writer = factory.create(AtomicFile.createPart(partPath(index)), file -> committed(index, file));
        synchronized (this) {
            if (closed) {   // committed or aborted while the file was being created: it must not outlive the output
                writer.close();
                createdDirectories.removeIfEmpty();
                checkOpen();
            }
            open.add(writer);
        }
        return writer;
    }

    private synchronized void committed(int index, AtomicFile file) {
        checkOpen();
        if (finished.putIfAbsent(index, file) != null) {
            file.discard();
            throw new IllegalStateException("part " + index + " of " + directory + " was committed twice");
        }
    }

    /** Publishes every committed part, then writes {@code _SUCCESS}. Parts never committed are discarded. */
    public synchronized void commit() {
        checkOpen();
        closed = true;
        abortOpenParts();
        try {
            for (AtomicFile f : finished.values()) {
                f.publish();
            }
            AtomicFile success = AtomicFile.createPart(directory + "/" + SUCCESS);
            success.publish();
            committed = true;
        } catch (RuntimeException e) {
            finished.values().forEach(AtomicFile::discard);
            createdDirectories.removeIfEmpty();
            throw e;
        }
    }

    /**
     * Deletes every temporary file, then the directory if this output created it and it is empty; nothing
     * is published. Idempotent.
     */
    public synchronized void abort() {
        if (committed) {
            return;
        }
        closed = true;
        abortOpenParts();
        finished.values().forEach(AtomicFile::discard);
        createdDirectories.removeIfEmpty();
    }

    /** Aborts unless committed (then it does nothing). */
    @Override
    public void close() {
        abort();
    }

    private void abortOpenParts() {
        for (BatchWriter w : open) {
            w.close();
        }
        open.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the partitioned output " + directory + " is already committed or aborted");
        }
    }

    /** The directory must be missing or hold no visible files. */
    private void checkEmpty() {
        List<String> visible = new ArrayList<>();
        String local = Storage.localPath(directory);
        try {
            if (local != null) {
                Path dir = Path.of(local);
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    throw new FloeIOException("cannot write parts into " + local + ": it is a file, not a directory");
                }
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> list = Files.list(dir)) {
                        list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                                .forEach(visible::add);
                    }
                }
            } else {
                org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(directory);
                FileSystem fs = Storage.fileSystem(dir, directory);
                if (fs.exists(dir)) {
                    for (FileStatus s : fs.listStatus(dir)) {
                        if (!s.getPath().getName().startsWith(".")) {
                            visible.add(s.getPath().getName());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new FloeIOException("cannot list the output directory " + Storage.displayName(directory) + ": " + e, e);
        }
        if (!visible.isEmpty()) {
            throw new FloeIOException("cannot write parts into " + Storage.displayName(directory) + ": it already holds "
                    + visible.size() + " file(s) (" + String.join(", ", visible.subList(0, Math.min(5, visible.size())))
                    + (visible.size() > 5 ? ", ..." : "") + "); choose a new directory or delete the old output first");
        }
    }

    private static String stripSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

}
