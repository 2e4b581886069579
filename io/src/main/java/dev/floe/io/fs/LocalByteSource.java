package dev.floe.io.fs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fast local route: {@link FileChannel} positional reads, no Hadoop in between. Positional reads do
 * not move a shared file pointer, so sources are independent of each other.
 */
final class LocalByteSource implements ByteSource {
    private final String path;
    private final FileChannel channel;
    private final long listedLength;

    /**
     * @param listedLength the length the listing saw, checked at open and while reading; -1 for no check
     * @param listedTime   the modification time the listing saw (milliseconds), checked at open; -1 for no check
     */
    LocalByteSource(String path, Path file, long listedLength, long listedTime) throws IOException {
        this.path = requireNonNull(path, "path is null");
        this.listedLength = listedLength;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            if (listedLength >= 0) {
                throw FileChangedException.vanished(path, listedLength, e);
            }
            throw e;
        }
        if (listedLength >= 0) {
            long size = channel.size();
            if (size != listedLength) {
                channel.close();
                throw FileChangedException.resized(path, listedLength, size);
            }
        }
        if (listedTime >= 0) {
            long time = Files.getLastModifiedTime(file).toMillis();
            if (time != listedTime) {
                channel.close();
                throw FileChangedException.modified(path, listedLength, listedTime, time);
            }
        }
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
        channel.close();
    }
}
