package dev.floe.expressions.eval;

import org.apache.arrow.memory.ArrowBuf;

/** A reusable, growing byte buffer where string kernels assemble one value before storing it. */
final class ByteSink {
    byte[] bytes = new byte[64];
    int length;

    void reset() {
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }

    void append(ArrowBuf buf, long start, int len) {
        ensure(len);
        buf.getBytes(start, bytes, length, len);
        length += len;
    }

    void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    void append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }
}
