package dev.floe.io.csv;

import org.apache.arrow.memory.util.MemoryUtil;

/** UTF-8 validation for text fields: ASCII is checked 8 bytes at a time; the rest byte by byte. */
final class Utf8 {
    private static final long HIGHS = 0x8080808080808080L;

    private Utf8() {
    }

    static boolean isAscii(byte[] a, int s, int e) {
        int n = e - s;
        if (MemoryUtil.LITTLE_ENDIAN && n <= 8 && s + 8 <= a.length) {
            // one word; the bytes past e are masked off
            long word = MemoryUtil.getLong(a, s) & (n == 8 ? -1L : (1L << (n << 3)) - 1);
            return (word & HIGHS) == 0;
        }
        int i = s;
        if (MemoryUtil.LITTLE_ENDIAN) {
            for (; i + 8 <= e; i += 8) {
                if ((MemoryUtil.getLong(a, i) & HIGHS) != 0) {
                    return false;
                }
            }
        }
        for (; i < e; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first byte of the first invalid sequence in {@code a[s, e)}, or -1 if it is valid. */
    static int invalidAt(byte[] a, int s, int e) {
        int i = s;
        while (i < e) {
            if (MemoryUtil.LITTLE_ENDIAN && i + 8 <= e && (MemoryUtil.getLong(a, i) & HIGHS) == 0) {
                i += 8; // eight ASCII bytes
                continue;
            }
            int n = sequenceLength(a, i, e);
            if (n < 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /** Copies {@code a[s, e)} to {@code out}, each invalid byte replaced by U+FFFD; counts them in count[0]. */
    static int replaceInvalid(byte[] a, int s, int e, byte[] out, int[] count) {
        int n = 0;
        int i = s;
        while (i < e) {
            int len = sequenceLength(a, i, e);
            if (len < 0) {
                out[n++] = (byte) 0xEF;
                out[n++] = (byte) 0xBF;
                out[n++] = (byte) 0xBD;
                count[0]++;
                i++;
            } else {
                System.arraycopy(a, i, out, n, len);
                n += len;
                i += len;
            }
        }
        return n;
    }

    /** The length of the valid sequence at {@code i}, or -1 (overlongs, surrogates and > U+10FFFF are invalid). */
    private static int sequenceLength(byte[] a, int i, int e) {
        int b0 = a[i] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        int n;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n > e) {
            return -1;
        }
        int cp = b0 & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int b = a[i + k] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return n;
    }
}
