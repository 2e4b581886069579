package dev.floe.io.csv;

import dev.floe.io.fs.ByteSource;
import java.io.IOException;

/** Where a file's records begin: after a UTF-8 byte order mark and the {@code skip} lines (cold path). */
final class DataStart {
    private static final int LF = '\n';
    private static final int CR = '\r';

    private DataStart() {
    }

    /**
     * Where the first record of a file begins: after a UTF-8 byte order mark and {@code skip} physical
     * lines (LF, CR or CRLF each end one), or the file's length if it has fewer lines.
     */
    public static long of(ByteSource source, long fileLength, Dialect dialect) throws IOException {
        Head head = new Head(source, fileLength, dialect.skip() == 0 ? 3 : 8192); // a BOM is 3 bytes
        long p = head.at(0) == 0xEF && head.at(1) == 0xBB && head.at(2) == 0xBF ? 3 : 0;
        for (int lines = dialect.skip(); lines > 0; lines--) {
            int x;
            while ((x = head.at(p)) >= 0 && x != LF && x != CR) {
                p++;
            }
            if (x < 0) {
                return Math.min(p, fileLength);
            }
            p++;
            if (x == CR && head.at(p) == LF) {
                p++; // a CRLF ends one line
            }
        }
        return p;
    }

    /** Sequential byte access to the head of a file. */
    private static final class Head {
        private final ByteSource source;
        private final long fileLength;
        private final byte[] b;
        private long start = -1;
        private int n;

        Head(ByteSource source, long fileLength, int bufferBytes) {
            this.source = source;
            this.fileLength = fileLength;
            this.b = new byte[bufferBytes];
        }

        int at(long p) throws IOException {
            if (p >= fileLength) {
                return -1;
            }
            if (start < 0 || p < start || p >= start + n) {
                start = p;
                n = source.read(p, b, 0, (int) Math.min(b.length, fileLength - p));
                if (n <= 0) {
                    return -1;
                }
            }
            return b[(int) (p - start)] & 0xFF;
        }
    }
}
