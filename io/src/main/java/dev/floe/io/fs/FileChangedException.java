package dev.floe.io.fs;

import dev.floe.io.FloeIOException;

/**
 * A file changed or vanished between the moment a query listed it and the moment it was read: it no longer
 * exists, or its length differs from the listed one. Reading on would give a short or inconsistent result,
 * so the query stops instead.
 */
public final class FileChangedException extends FloeIOException {
    private final String path;
    private final long listedLength;
    private final long currentLength;

    /**
     * @param currentLength the length found now, or -1 if the file no longer exists
     * @param detail        what was seen, e.g. "it now has 100 bytes"
     */
    FileChangedException(String path, long listedLength, long currentLength, String detail, Throwable cause) {
        super("file " + Storage.displayName(path) + " changed or vanished since the query started"
                + ": " + (listedLength >= 0 ? "it was listed with " + listedLength + " bytes, but " : "") + detail
                + ": the file changed while the query ran; re-run it, and do not rewrite, truncate or delete input"
                + " files while a query reads them",
                cause);
        this.path = path;
        this.listedLength = listedLength;
        this.currentLength = currentLength;
    }

    static FileChangedException vanished(String path, long listedLength, Throwable cause) {
        return new FileChangedException(path, listedLength, -1, "it no longer exists", cause);
    }

    static FileChangedException resized(String path, long listedLength, long currentLength) {
        return new FileChangedException(path, listedLength, currentLength, "it now has " + currentLength + " bytes",
                null);
    }

    static FileChangedException endedEarly(String path, long listedLength, long endedAt) {
        return new FileChangedException(path, listedLength, endedAt, (endedAt >= 0 ? "it ended at byte " + endedAt
                : "it ended early") + " while it was being read (it was truncated)", null);
    }

    static FileChangedException modified(String path, long listedLength, long listedTime, long currentTime) {
        return new FileChangedException(path, listedLength, listedLength, "it was rewritten: modified at "
                + java.time.Instant.ofEpochMilli(currentTime) + ", listed as of " + java.time.Instant.ofEpochMilli(listedTime),
                null);
    }

    /** The file's URI string, as listed. */
    public String path() {
        return path;
    }

    /** The length the listing saw, or -1 if the reader was not told. */
    public long listedLength() {
        return listedLength;
    }

    /** The length found when opening or reading, or -1 if the file no longer exists. */
    public long currentLength() {
        return currentLength;
    }
}
