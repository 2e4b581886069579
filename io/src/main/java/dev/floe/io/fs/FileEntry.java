package dev.floe.io.fs;

import static java.util.Objects.requireNonNull;

/** One file found by {@link Storage#resolve}: its fully qualified URI string and its length in bytes. */
public record FileEntry(String path, long length) {
    public FileEntry {
        requireNonNull(path, "path is null");
    }
}
