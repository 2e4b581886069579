package dev.floe.expressions.eval;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * substring(s, start[, length]) on characters, 1-based, as DuckDB: the window of characters
 * {@code [start - 1, start - 1 + length)} (start 0 is the window {@code [-1, length - 1)}, a negative start
 * counts from the end: -1 is the last character), clipped to the string; a negative length is ''. Only a
 * negative start needs the string's character count; the rest walks the bytes up to the window.
 */
final class SubstringKernel extends StringKernel {
    SubstringKernel(String name, Kernel s, Kernel start, Kernel length, BufferAllocator allocator) {
        super(name, allocator, s, start, length);
    }

    @Override
    protected boolean compute(Operand[] in, int i) {
        Operand s = in[0];
        ArrowBuf data = s.data();
        long from = s.start(i);
        long to = s.end(i);
        long start = in[1].getLong(i);
        boolean bounded = in[2] != null;
        long length = bounded ? in[2].getLong(i) : 0;
        if (bounded && length < 0) {
            return true;
        }
        long lo = start > 0 ? start - 1 : start == 0 ? -1 : Utf8.length(data, from, to) + start;
        long hi = bounded ? (lo > Long.MAX_VALUE - length ? Long.MAX_VALUE : lo + length) : Long.MAX_VALUE;
        lo = Math.max(lo, 0);
        if (hi <= lo) {
            return true;
        }
        long b0 = Utf8.offsetOf(data, from, to, lo);
        long b1 = hi == Long.MAX_VALUE ? to : Utf8.offsetOf(data, b0, to, hi - lo);
        sink.append(data, b0, (int) (b1 - b0));
        return true;
    }
}
