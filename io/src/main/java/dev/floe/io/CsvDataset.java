package dev.floe.io;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import dev.floe.io.csv.CsvScanner;
import dev.floe.io.csv.SchemaInference;
import dev.floe.io.csv.SchemaInference.FileColumns;
import dev.floe.io.csv.Sources;
import dev.floe.io.fs.FileEntry;
import dev.floe.io.fs.Storage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of CSV files read as one table: the files a glob matched, their common schema, and the byte-range
 * splits they are read in (see {@link dev.floe.io.csv.CsvScanner} for which records a split owns).
 *
 * <p>{@link #open} does the planning work once, on the caller's machine: it expands the glob, reads
 * every file's header and samples every file for types. The dataset then holds only what a worker needs
 * to read a split (paths, options, schema, splits), and is {@link Serializable} so that it can be shipped
 * to cluster workers: anything else (a Hadoop {@code Configuration}, open files) is rebuilt where a split is read.
 */
public final class CsvDataset implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(CsvDataset.class);

    private final String glob;
    private final CsvOptions options;
    private final Schema schema;
    private final List<String> files;
    private final List<FileSplit> splits;
    private final long totalBytes;
    private final Map<String, FileColumns> layouts;
    private final int dataColumns;
    private final Map<String, String> typeReasons;

    private CsvDataset(String glob, CsvOptions options, Schema schema, List<String> files, List<FileSplit> splits,
            long totalBytes, Map<String, FileColumns> layouts, int dataColumns, Map<String, String> typeReasons) {
        this.typeReasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(typeReasons));
        this.layouts = Map.copyOf(layouts);
        this.dataColumns = dataColumns;
        this.glob = glob;
        this.options = options;
        this.schema = schema;
        this.files = List.copyOf(files);
        this.splits = List.copyOf(splits);
        this.totalBytes = totalBytes;
    }

    /**
     * Expands {@code glob} (a local path or glob, or any Hadoop FileSystem URI), reads the headers,
     * infers the schema by sampling every file, and cuts files larger than the block size into splits.
     *
     * @throws FloeIOException     if nothing matches, a file cannot be read, or the headers differ
     * @throws CsvFormatException  if a sampled row is malformed
     * @throws dev.floe.expressions.PlanException if a declared column is not in the header
     */
    public static CsvDataset open(String glob, CsvOptions options) {
        requireNonNull(glob, "glob is null");
        requireNonNull(options, "options is null");
        long started = System.nanoTime();
        List<FileEntry> entries = Storage.resolve(glob);
        SchemaInference.Result inferred = SchemaInference.infer(glob, entries, options);
        Schema schema = inferred.schema();
        CsvOptions resolved = inferred.options();
        List<String> files = new ArrayList<>(entries.size());
        List<FileSplit> splits = new ArrayList<>();
        long totalBytes = 0;
        for (FileEntry entry : entries) {
            files.add(entry.path());
            totalBytes += entry.length();
            // a compressed or transcoded file is read as one stream; plain files in byte ranges, whose
            // records the scanner finds even when quoted fields hold line breaks (see CsvScanner)
            long blockSize = Sources.isStream(entry.path(), resolved) ? Long.MAX_VALUE : resolved.blockSize();
            for (long start = 0; start < entry.length(); start += blockSize) {
                long length = Math.min(blockSize, entry.length() - start);
                splits.add(new FileSplit(entry.path(), start, length, entry.length(), splits.size(),
                        entry.modificationTime()));
            }
        }
        log.debug("opened '{}': {} files, {} bytes, {} splits, schema {} in {} ms", glob, files.size(), totalBytes,
                splits.size(), schema, (System.nanoTime() - started) / 1_000_000);
        return new CsvDataset(glob, resolved, schema, files, splits, totalBytes, inferred.files(),
                inferred.dataColumns(), inferred.typeReasons());
    }

    /**
     * Why each column has its type, by column name in schema order: a short line for a person, e.g.
     * {@code BIGINT: 3,000 values sampled from 4 files, all integers},
     * {@code VARCHAR: '08123' at part-2.csv line 17 has a leading zero},
     * {@code VARCHAR: declared by types = {'zip': 'VARCHAR'}} or {@code VARCHAR: all_varchar = true}.
     * The value named is the one that, while sampling, made the type what it is (the line is counted in the
     * first 16 MiB of a file; further in, the reason gives the byte offset of the record).
     */
    public Map<String, String> typeReasons() {
        return typeReasons;
    }

    /** {@link #typeReasons()} of one column, or null if there is no such column. */
    public String typeReason(String column) {
        return typeReasons.get(column);
    }

    /** The glob this dataset was opened with. */
    public String glob() {
        return glob;
    }

    public Schema schema() {
        return schema;
    }

    public List<FileSplit> splits() {
        return splits;
    }

    /** The matched files as URI strings, in the stable sorted order of the splits. */
    public List<String> files() {
        return files;
    }

    public CsvOptions options() {
        return options;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /**
     * Opens a reader of one split. The reader allocates its vectors from {@code allocator} and frees them
     * on close.
     *
     * @param columns schema indices of the columns to materialise, in the order the batches should have
     *                them; null for all columns; an empty array counts rows only
     */
    public CsvBatchReader openSplit(FileSplit split, BufferAllocator allocator, int[] columns) {
        requireNonNull(split, "split is null");
        requireNonNull(allocator, "allocator is null");
        return openSplit(split, allocator, columns, CsvScanner.MAX_BUFFER);
    }

    /** For tests: read with buffers of at most {@code maxBuffer} bytes, to hit buffer boundaries on purpose. */
    CsvBatchReader openSplit(FileSplit split, BufferAllocator allocator, int[] columns, int maxBuffer) {
        FileColumns layout = layouts.get(split.path());
        if (layout == null) {
            throw new IllegalArgumentException(split.describe() + " is not a split of " + this);
        }
        return new CsvBatchReader(split, schema, options, layout, dataColumns, columns, allocator, maxBuffer);
    }

    @Override
    public String toString() {
        return "CsvDataset[" + glob + ": " + files.size() + " files, " + splits.size() + " splits, " + schema + "]";
    }
}
