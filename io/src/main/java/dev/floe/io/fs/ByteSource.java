package dev.floe.io.fs;

import java.io.Closeable;
import java.io.IOException;

/**
 * Positional reads from one file. Not thread-safe: one reader owns it and closes it.
 * Reads are usually sequential; implementations may optimise for that.
 */
public interface ByteSource extends Closeable {
    /**
     * Reads up to {@code length} bytes at {@code position} into {@code buffer[offset...]}, looping until
     * {@code length} bytes are read or the file ends. Returns the number of bytes read: fewer than
     * {@code length} only at the end of the file.
     */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;

    /** The path this source reads, as given to {@link Storage#open}. */
    String path();
}
