package dev.floe.io.csv;

import dev.floe.io.CsvOptions;
import java.nio.charset.StandardCharsets;

/**
 * What a scanner does with rows that are not clean: skip bad ones ({@code ignoreErrors}, counted, kept as
 * rejects if asked, within a budget), pad short ones with NULLs, read null strings as NULL, and replace
 * invalid UTF-8. {@link #STRICT} is the default: every problem is an error.
 */
public record RowPolicy(boolean ignoreErrors, boolean keepRejects, long maxRejects, double maxRejectsFraction,
        boolean nullPadding, byte[][] nullStrings, boolean replaceInvalidUtf8) {
    public static final RowPolicy STRICT = new RowPolicy(false, false, -1, -1, false, new byte[0][], false);

    public static RowPolicy of(CsvOptions options) {
        byte[][] nulls = options.nullStrings().stream().map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        return new RowPolicy(options.ignoreErrors(), options.ignoreErrors() && options.rejects(),
                options.maxRejects(), options.maxRejectsFraction(), options.nullPadding(), nulls,
                options.replaceInvalidUtf8());
    }

    /**
     * The same policy without the fraction budget: a {@link dev.floe.io.CsvBatchReader} checks that itself,
     * on the counts of the whole query ({@link dev.floe.io.RejectLog}).
     */
    public RowPolicy withoutFraction() {
        return new RowPolicy(ignoreErrors, keepRejects, maxRejects, -1, nullPadding, nullStrings, replaceInvalidUtf8);
    }

    /** The same policy without keeping rejects or enforcing the budget (for sampling). */
    public RowPolicy forSampling() {
        return new RowPolicy(ignoreErrors, false, -1, -1, nullPadding, nullStrings, replaceInvalidUtf8);
    }
}
