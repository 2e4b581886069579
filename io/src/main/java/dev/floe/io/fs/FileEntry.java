package dev.floe.io.fs;

import static java.util.Objects.requireNonNull;

/**
 * One file found by {@link Storage#resolve}: its fully qualified URI string, its length in bytes, and its
 * modification time in milliseconds since the epoch when it was listed (-1 if unknown). {@link Storage#open(FileEntry)}
 * compares both with the file as it is when opened.
 */
public record FileEntry(String path, long length, long modificationTime) {
    public FileEntry {
        requireNonNull(path, "path is null");
    }

    /** An entry whose modification time is unknown: only its length is checked. */
    public FileEntry(String path, long length) {
        this(path, length, -1);
    }
}
