package dev.floe.expressions.eval;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/** replace(s, from, to): every non-overlapping occurrence of {@code from}, left to right; from = '' changes nothing. */
final class ReplaceKernel extends StringKernel {
    ReplaceKernel(String name, Kernel s, Kernel from, Kernel to, BufferAllocator allocator) {
        super(name, allocator, s, from, to);
    }

    @Override
    protected boolean compute(Operand[] in, int i) {
        Operand s = in[0];
        Operand f = in[1];
        Operand t = in[2];
        ArrowBuf data = s.data();
        long pos = s.start(i);
        long end = s.end(i);
        int fStart = f.start(i);
        int fLen = f.end(i) - fStart;
        int tStart = t.start(i);
        int tLen = t.end(i) - tStart;
        if (fLen > 0) {
            long hit;
            while ((hit = Utf8.indexOf(data, pos, end, f.data(), fStart, fLen)) >= 0) {
                sink.append(data, pos, (int) (hit - pos));
                sink.append(t.data(), tStart, tLen);
                pos = hit + fLen;
            }
        }
        sink.append(data, pos, (int) (end - pos));
        return true;
    }
}
