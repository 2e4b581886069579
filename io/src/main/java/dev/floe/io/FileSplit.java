package dev.floe.io;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A byte range {@code [start, start + length)} of one file: the unit of parallelism. Which records a
 * split owns is defined by the split rule on {@link dev.floe.io.csv.CsvScanner}.
 *
 * @param path       a fully qualified URI string: {@code file:/tmp/x/part-00000.csv}, {@code hdfs://nn:8020/logs/a.csv}
 * @param fileLength the length of the whole file when the dataset was opened
 * @param index      the position of this split in {@link CsvDataset#splits()}
 * @param modificationTime the file's modification time (ms since the epoch) when the dataset was opened, or -1
 *                   if unknown: with {@code fileLength}, what the reader checks the file against when it opens
 *                   it, so that a file rewritten or truncated since is an error, never a short read
 */
public record FileSplit(String path, long start, long length, long fileLength, int index, long modificationTime)
        implements Serializable {
    /** A split of a file whose modification time is unknown (only its length is checked). */
    public FileSplit(String path, long start, long length, long fileLength, int index) {
        this(path, start, length, fileLength, index, -1);
    }

    public FileSplit {
        requireNonNull(path, "path is null");
        if (start < 0 || length < 0 || start + length > fileLength) {
            throw new IllegalArgumentException("split bytes " + start + "+" + length
                    + " out of range for file " + path + " of " + fileLength + " bytes");
        }
    }

    public long end() {
        return start + length;
    }

    /** {@code file:/tmp/x/part-00000.csv bytes 0-1048576}. */
    public String describe() {
        return path + " bytes " + start + "-" + end();
    }
}
