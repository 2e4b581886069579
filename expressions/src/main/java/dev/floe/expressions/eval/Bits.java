package dev.floe.expressions.eval;

import org.apache.arrow.memory.ArrowBuf;

/** Bit-level helpers for validity buffers and BOOLEAN data, LSB-first as Arrow lays them out. */
final class Bits {
    private Bits() {
    }

    static int bytes(int bits) {
        return (bits + 7) >>> 3;
    }

    static boolean get(ArrowBuf buf, long index) {
        return ((buf.getByte(index >>> 3) >> (index & 7)) & 1) != 0;
    }

    static void set(ArrowBuf buf, int index, boolean value) {
        int b = buf.getByte(index >>> 3);
        int mask = 1 << (index & 7);
        buf.setByte(index >>> 3, value ? b | mask : b & ~mask);
    }

    /** Bit 0 of {@code buf} repeated 8 times: a scalar's byte of bits. */
    static int broadcast(ArrowBuf buf) {
        return (buf.getByte(0) & 1) != 0 ? 0xFF : 0;
    }

    /** Sets bits {@code 0..n-1}; leaves the rest of the last byte clear. */
    static void setAll(ArrowBuf buf, int n) {
        int full = n >>> 3;
        if (full > 0) {
            buf.setOne(0L, full);
        }
        if ((n & 7) != 0) {
            buf.setByte(full, (1 << (n & 7)) - 1);
        }
    }

    /** Clears the bits past {@code n} in the last byte, so a reused buffer holds no stale bits. */
    static void maskTail(ArrowBuf buf, int n) {
        if ((n & 7) != 0) {
            int last = n >>> 3;
            buf.setByte(last, buf.getByte(last) & ((1 << (n & 7)) - 1));
        }
    }

    /** {@code out = a.validity AND b.validity} for rows {@code 0..n-1}. */
    static void andValidity(ArrowBuf out, Operand a, Operand b, int n) {
        if (!a.hasNulls() && !b.hasNulls()) {
            setAll(out, n);
            return;
        }
        int bytes = bytes(n);
        for (int j = 0; j < bytes; j++) {
            out.setByte(j, a.validityByte(j) & b.validityByte(j));
        }
        maskTail(out, n);
    }

    /** {@code out = a.validity} for rows {@code 0..n-1}. */
    static void copyValidity(ArrowBuf out, Operand a, int n) {
        if (!a.hasNulls()) {
            setAll(out, n);
            return;
        }
        int bytes = bytes(n);
        for (int j = 0; j < bytes; j++) {
            out.setByte(j, a.validityByte(j));
        }
        maskTail(out, n);
    }
}
