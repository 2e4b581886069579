package dev.floe.io.csv;

import dev.floe.io.fs.ByteSource;
import java.io.IOException;

/**
 * Physical line numbers for error messages, computed only when an error happens: the reader never
 * counts lines on the hot path.
 */
final class LineCounter {
    private LineCounter() {
    }

    /** The 1-based line of the byte at {@code position}: one plus the LFs before it. */
    static long lineAt(ByteSource source, long position) throws IOException {
        byte[] chunk = new byte[1 << 20];
        long lines = 1;
        long at = 0;
        while (at < position) {
            int want = (int) Math.min(chunk.length, position - at);
            int n = source.read(at, chunk, 0, want);
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    lines++;
                }
            }
            if (n < want) {
                break;
            }
            at += n;
        }
        return lines;
    }
}
