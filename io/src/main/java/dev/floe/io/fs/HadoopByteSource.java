package dev.floe.io.fs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Reads through a Hadoop {@link FSDataInputStream}. Sequential reads (the common case) use the stream's
 * streaming {@code read}, which HDFS serves from one block reader; a jump seeks first.
 */
final class HadoopByteSource implements ByteSource {
    private final String path;
    private final FSDataInputStream in;
    private long streamPosition = -1;

    HadoopByteSource(String path, FSDataInputStream in) {
        this.path = requireNonNull(path, "path is null");
        this.in = requireNonNull(in, "in is null");
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (position != streamPosition) {
            in.seek(position);
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
