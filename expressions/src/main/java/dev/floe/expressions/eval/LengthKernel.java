package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** length(s): characters (code points), counted on the UTF-8 bytes, eight at a time. */
final class LengthKernel extends Kernel {
    private final Kernel input;

    LengthKernel(String name, Kernel input, BufferAllocator allocator) {
        super(FloeType.INT64, name, allocator, List.of(input));
        this.input = input;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        Bits.copyValidity(out.getValidityBuffer(), a, n);
        ArrowBuf o = out.getDataBuffer();
        ArrowBuf data = a.data();
        for (int i = 0; i < n; i++) {
            o.setLong(i * 8L, Utf8.length(data, a.start(i), a.end(i)));
        }
        out.setValueCount(n);
        return out;
    }
}
