package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.FunctionCall;
import dev.floe.expressions.ScalarFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * regexp_matches(s, p): whether p matches anywhere in s (find, as DuckDB); regexp_extract(s, p, g): group
 * g of the first match, '' when there is no match or the group did not take part (as DuckDB). The
 * pattern is compiled once and its Matcher reused; each row is decoded to a String (java.util.regex
 * needs chars).
 */
final class RegexKernel extends Kernel {
    private final boolean extract;
    private final int group;
    private final Matcher matcher;
    private final Kernel input;

    RegexKernel(FunctionCall expr, String pattern, int group, Kernel input, BufferAllocator allocator) {
        super(expr.function() == ScalarFunction.REGEXP_EXTRACT ? FloeType.STRING : FloeType.BOOLEAN, expr.outputName(),
                allocator, List.of(input));
        this.extract = expr.function() == ScalarFunction.REGEXP_EXTRACT;
        this.group = group;
        this.matcher = Pattern.compile(pattern).matcher("");
        this.input = input;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        if (!extract) {
            Bits.copyValidity(out.getValidityBuffer(), a, n);
        }
        for (int i = 0; i < n; i++) {
            if (!a.isValid(i)) {
                if (extract) {
                    out.setNull(i);
                } else {
                    Bits.set(out.getDataBuffer(), i, false);
                }
                continue;
            }
            matcher.reset(TextParser.text(a.data(), a.start(i), a.end(i) - a.start(i)));
            boolean found = matcher.find();
            if (extract) {
                String g = found ? matcher.group(group) : null;
                byte[] bytes = (g == null ? "" : g).getBytes(StandardCharsets.UTF_8);
                ((VarCharVector) out).setSafe(i, bytes, 0, bytes.length);
            } else {
                Bits.set(((BitVector) out).getDataBuffer(), i, found);
            }
        }
        out.setValueCount(n);
        return out;
    }
}
