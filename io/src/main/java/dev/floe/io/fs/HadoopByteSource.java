package dev.floe.io.fs;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Reads through a Hadoop {@link FSDataInputStream}. Sequential reads (the common case) use the stream's
 * streaming {@code read}, which HDFS serves from one block reader; a jump seeks first. Each source owns its
 * stream, so sources on different threads share nothing but Hadoop's (thread-safe) FileSystem client.
 */
final class HadoopByteSource implements ByteSource {
    private final String path;
    private final FSDataInputStream in;
    private final long listedLength;
    private long streamPosition = -1;

    /** @param listedLength the length the listing saw, checked while reading; -1 for no check */
    HadoopByteSource(String path, FSDataInputStream in, long listedLength) {
        this.path = requireNonNull(path, "path is null");
        this.in = requireNonNull(in, "in is null");
        this.listedLength = listedLength;
    }

    HadoopByteSource(String path, FSDataInputStream in) {
        this(path, in, -1);
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (position != streamPosition) {
            try {
                in.seek(position);
            } catch (EOFException e) {
                if (listedLength >= 0 && position < listedLength) {
                    throw FileChangedException.endedEarly(path, listedLength, -1);
                }
                throw e;
            }
            streamPosition = position;
        }
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        streamPosition += total;
        if (total < length && listedLength >= 0 && position + total < listedLength) {
            throw FileChangedException.endedEarly(path, listedLength, position + total);
        }
        return total;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
