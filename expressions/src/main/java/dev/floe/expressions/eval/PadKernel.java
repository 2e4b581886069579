package dev.floe.expressions.eval;

import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FunctionCall;
import dev.floe.expressions.ScalarFunction;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * lpad/rpad(s, n, fill), as DuckDB: s cut to its first n characters, or padded on the left/right with
 * {@code fill} repeated (by characters) to n characters; n < 0 gives ''; padding with '' is an error.
 */
final class PadKernel extends StringKernel {
    private final FunctionCall expr;
    private final boolean left;

    PadKernel(FunctionCall expr, Kernel s, Kernel n, Kernel fill, BufferAllocator allocator) {
        super(expr.outputName(), allocator, s, n, fill);
        this.expr = expr;
        this.left = expr.function() == ScalarFunction.LPAD;
    }

    @Override
    protected boolean compute(Operand[] in, int i) {
        Operand s = in[0];
        ArrowBuf data = s.data();
        long from = s.start(i);
        long to = s.end(i);
        long n = Math.max(0, in[1].getLong(i));
        long chars = Utf8.length(data, from, to);
        if (chars >= n) {
            sink.append(data, from, (int) (Utf8.offsetOf(data, from, to, n) - from));
            return true;
        }
        Operand f = in[2];
        long fFrom = f.start(i);
        long fTo = f.end(i);
        if (fFrom == fTo) {
            throw new EvaluationException("cannot pad with '' in " + expr.toSql() + " at row " + i + ": the string is "
                    + chars + " characters, shorter than " + n);
        }
        if (!left) {
            sink.append(data, from, (int) (to - from));
        }
        long k = fFrom;
        for (long missing = n - chars; missing > 0; missing--) {
            int len = Utf8.charLength(f.data().getByte(k));
            sink.append(f.data(), k, len);
            k += len;
            if (k >= fTo) {
                k = fFrom;
            }
        }
        if (left) {
            sink.append(data, from, (int) (to - from));
        }
        return true;
    }
}
