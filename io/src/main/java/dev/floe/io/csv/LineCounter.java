package dev.floe.io.csv;

import dev.floe.io.fs.ByteSource;
import java.io.IOException;

/**
 * Physical line numbers for error messages, computed only when an error happens: the reader never counts
 * lines on the hot path. A line ends at an LF, a CR, or a CRLF (one line). The counter remembers its last
 * position, so that increasing positions (the rejects of one split) cost one pass over the file in all.
 */
final class LineCounter {
    private final ByteSource source;
    private long at;
    private long lines = 1;
    private boolean afterCr;

    LineCounter(ByteSource source) {
        this.source = source;
    }

    /** The 1-based line of the byte at {@code position}: one plus the line ends before it. */
    long lineAt(long position) throws IOException {
        if (position < at) {
            at = 0;
            lines = 1;
            afterCr = false;
        }
        byte[] chunk = new byte[(int) Math.min(1 << 20, Math.max(1, position - at))];
        while (at < position) {
            int want = (int) Math.min(chunk.length, position - at);
            int n = source.read(at, chunk, 0, want);
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    if (!afterCr) {
                        lines++;
                    }
                    afterCr = false;
                } else if (b == '\r') {
                    lines++;
                    afterCr = true;
                } else {
                    afterCr = false;
                }
            }
            at += n;
            if (n < want) {
                break;
            }
        }
        return lines;
    }

    static long lineAt(ByteSource source, long position) throws IOException {
        return new LineCounter(source).lineAt(position);
    }
}
