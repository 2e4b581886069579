package dev.floe.io.fs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The fast local route: {@link FileChannel} positional reads, no Hadoop in between. */
final class LocalByteSource implements ByteSource {
    private final String path;
    private final FileChannel channel;

    LocalByteSource(String path, Path file) throws IOException {
        this.path = requireNonNull(path, "path is null");
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        int total = 0;
        while (target.hasRemaining()) {
            int n = channel.read(target, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
