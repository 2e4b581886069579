package dev.floe.expressions.eval;

import org.apache.arrow.memory.ArrowBuf;

/**
 * UTF-8 on Arrow buffers, without decoding to Strings. UTF-8 is self-synchronising, so a byte search for
 * a valid UTF-8 needle only finds it at character boundaries, and a character starts at every byte that
 * is not a continuation byte ({@code 10xxxxxx}).
 */
final class Utf8 {
    private Utf8() {
    }

    /** Characters (code points) in bytes {@code start..end}. */
    static int length(ArrowBuf buf, long start, long end) {
        int count = 0;
        long k = start;
        for (; k + 8 <= end; k += 8) {
            long w = buf.getLong(k);
            // a continuation byte has bit 7 set and bit 6 clear; count the bytes that are not
            long cont = w & ~(w << 1) & 0x8080808080808080L;
            count += 8 - Long.bitCount(cont);
        }
        for (; k < end; k++) {
            if ((buf.getByte(k) & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** Bytes in the character that starts with byte {@code lead} (1 for a stray continuation byte). */
    static int charLength(byte lead) {
        int b = lead & 0xFF;
        return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }

    /** The byte offset of character {@code n} (0-based) of {@code start..end}, or {@code end} if there are fewer. */
    static long offsetOf(ArrowBuf buf, long start, long end, long n) {
        long k = start;
        while (n > 0 && k < end) {
            k += charLength(buf.getByte(k));
            n--;
        }
        return Math.min(k, end);
    }

    /** Whether bytes {@code xs..xs+len} of x equal bytes {@code ys..ys+len} of y. */
    static boolean equal(ArrowBuf x, long xs, ArrowBuf y, long ys, int len) {
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            if (x.getLong(xs + k) != y.getLong(ys + k)) {
                return false;
            }
        }
        for (; k < len; k++) {
            if (x.getByte(xs + k) != y.getByte(ys + k)) {
                return false;
            }
        }
        return true;
    }

    /** The first offset {@code >= from} where the needle occurs in {@code hs..he}, or -1. */
    static long indexOf(ArrowBuf h, long from, long he, ArrowBuf n, long ns, int nLen) {
        if (nLen == 0) {
            return from;
        }
        byte first = n.getByte(ns);
        for (long k = from; k + nLen <= he; k++) {
            if (h.getByte(k) == first && equal(h, k, n, ns, nLen)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether bytes {@code start..end} are all ASCII. */
    static boolean isAscii(ArrowBuf buf, long start, long end) {
        long k = start;
        for (; k + 8 <= end; k += 8) {
            if ((buf.getLong(k) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; k < end; k++) {
            if (buf.getByte(k) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The code point at {@code k} (which starts a character), for the rare non-ASCII paths. */
    static int codePoint(ArrowBuf buf, long k, long end) {
        int b0 = buf.getByte(k) & 0xFF;
        int len = charLength((byte) b0);
        if (len == 1 || k + len > end) {
            return b0;
        }
        int cp = b0 & (0xFF >> (len + 1));
        for (int i = 1; i < len; i++) {
            cp = (cp << 6) | (buf.getByte(k + i) & 0x3F);
        }
        return cp;
    }
}
