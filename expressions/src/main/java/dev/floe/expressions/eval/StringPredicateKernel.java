package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.ScalarFunction;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** contains / starts_with / ends_with on the UTF-8 bytes (no decoding); NULL where either operand is. */
final class StringPredicateKernel extends Kernel {
    private final ScalarFunction function;
    private final Kernel left;
    private final Kernel right;

    StringPredicateKernel(ScalarFunction function, String name, Kernel left, Kernel right, BufferAllocator allocator) {
        super(FloeType.BOOLEAN, name, allocator, List.of(left, right));
        this.function = function;
        this.left = left;
        this.right = right;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(left, left.evaluate(batch));
        Operand b = operand(right, right.evaluate(batch));
        int n = rows(batch);
        BitVector out = (BitVector) output(n);
        Bits.andValidity(out.getValidityBuffer(), a, b, n);
        ArrowBuf o = out.getDataBuffer();
        ArrowBuf x = a.data();
        ArrowBuf y = b.data();
        int acc = 0;
        for (int i = 0; i < n; i++) {
            int xs = a.start(i);
            int xe = a.end(i);
            int ys = b.start(i);
            int yLen = b.end(i) - ys;
            boolean r;
            if (yLen > xe - xs) {
                r = false;
            } else {
                r = switch (function) {
                    case STARTS_WITH -> Utf8.equal(x, xs, y, ys, yLen);
                    case ENDS_WITH -> Utf8.equal(x, xe - yLen, y, ys, yLen);
                    default -> Utf8.indexOf(x, xs, xe, y, ys, yLen) >= 0;
                };
            }
            acc |= (r ? 1 : 0) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        if ((n & 7) != 0) {
            o.setByte(n >>> 3, acc);
        }
        out.setValueCount(n);
        return out;
    }
}
