package dev.floe.io.csv;

import static java.util.Objects.requireNonNull;

import dev.floe.io.fs.ByteSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link ByteSource} over a stream that can only be read forwards (a decompressed or transcoded file):
 * reads at increasing positions stream on; a read at an earlier position (an error message counting lines)
 * reopens the stream and skips. A stream that ends early or is corrupt throws (GZIP's EOFException, ...)
 * rather than ending short: the codecs check their own framing.
 */
public final class StreamSource implements ByteSource {
    /** Opens the decoded stream from its beginning. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String path;
    private final Opener opener;
    private InputStream in;
    private long at;
    private boolean ended;

    public StreamSource(String path, Opener opener) {
        this.path = requireNonNull(path, "path is null");
        this.opener = requireNonNull(opener, "opener is null");
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (in == null || position < at) {
            close();
            in = opener.open();
            at = 0;
            ended = false;
        }
        while (at < position) {
            long skipped = in.skip(position - at);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    ended = true;
                    return 0;
                }
                skipped = 1;
            }
            at += skipped;
        }
        if (ended) {
            return 0;
        }
        int n = in.readNBytes(buffer, offset, length);
        at += n;
        if (n < length) {
            ended = true;
        }
        return n;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            InputStream s = in;
            in = null;
            s.close();
        }
    }
}
