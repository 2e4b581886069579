package dev.floe.io.fs;

import java.io.Closeable;
import java.io.IOException;

/**
 * Positional reads from one file. Not thread-safe: one reader owns it and closes it (many sources, of the
 * same file or of different files, may be open and read on different threads at once).
 * Reads are usually sequential; implementations may optimise for that.
 *
 * <p>A source opened with the file's listed length ({@link Storage#open(String, long)}) checks that the file
 * still has that length when it is opened, and throws a {@link FileChangedException} if the file ends before
 * it while being read: never a silently short read.
 */
public interface ByteSource extends Closeable {
    /**
     * Reads up to {@code length} bytes at {@code position} into {@code buffer[offset...]}, looping until
     * {@code length} bytes are read or the file ends. Returns the number of bytes read: fewer than
     * {@code length} only at the end of the file.
     *
     * @throws FileChangedException if the source knows the listed length and the file ends before it
     */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;

    /** The path this source reads, as given to {@link Storage#open}. */
    String path();
}
