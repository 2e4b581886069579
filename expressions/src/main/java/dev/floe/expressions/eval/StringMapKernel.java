package dev.floe.expressions.eval;

import dev.floe.expressions.ScalarFunction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * lower, upper, trim, ltrim, rtrim. Case mapping works on the bytes of ASCII rows and goes through
 * {@link String#toLowerCase(Locale)} / toUpperCase with {@link Locale#ROOT} for the others (full Unicode
 * mapping: upper('ß') = 'SS'). trim removes Unicode space separators (category Zs: U+0020, U+00A0,
 * U+3000, ...), as DuckDB's trim does; tabs and newlines stay.
 */
final class StringMapKernel extends StringKernel {
    private final ScalarFunction function;

    StringMapKernel(ScalarFunction function, String name, Kernel input, BufferAllocator allocator) {
        super(name, allocator, input);
        this.function = function;
    }

    @Override
    protected boolean compute(Operand[] in, int i) {
        Operand s = in[0];
        ArrowBuf data = s.data();
        int start = s.start(i);
        int end = s.end(i);
        switch (function) {
            case LOWER, UPPER -> {
                boolean lower = function == ScalarFunction.LOWER;
                if (Utf8.isAscii(data, start, end)) {
                    for (int k = start; k < end; k++) {
                        byte b = data.getByte(k);
                        if (lower ? b >= 'A' && b <= 'Z' : b >= 'a' && b <= 'z') {
                            b = (byte) (b ^ 0x20);
                        }
                        sink.append(b);
                    }
                } else {
                    String text = TextParser.text(data, start, end - start);
                    sink.append((lower ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> {
                long from = start;
                long to = end;
                if (function != ScalarFunction.RTRIM) {
                    while (from < to && isSpace(data, from, to)) {
                        from += Utf8.charLength(data.getByte(from));
                    }
                }
                if (function != ScalarFunction.LTRIM) {
                    while (to > from) {
                        long last = to - 1;
                        while (last > from && (data.getByte(last) & 0xC0) == 0x80) {
                            last--;
                        }
                        if (!isSpace(data, last, to)) {
                            break;
                        }
                        to = last;
                    }
                }
                sink.append(data, from, (int) (to - from));
            }
        }
        return true;
    }

    private static boolean isSpace(ArrowBuf data, long k, long end) {
        byte b = data.getByte(k);
        if (b >= 0) {
            return b == ' ';
        }
        return Character.getType(Utf8.codePoint(data, k, end)) == Character.SPACE_SEPARATOR;
    }
}
