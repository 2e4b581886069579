package dev.floe.io.csv;

import dev.floe.expressions.FloeType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Per-column type inference state, fed by a {@link CsvScanner} whose columns are bound with
 * {@link CsvScanner#INFER}. Each column keeps the set of candidate types that every non-empty value
 * seen so far fits ({@link ValueParsers#classify}); the answer is the smallest survivor in
 * {@code INT64 -> FLOAT64 -> STRING}, {@code DATE -> TIMESTAMP -> STRING} (dates and timestamps mixed are
 * TIMESTAMP) and {@code BOOLEAN -> STRING} (only true/false). A column with no
 * non-empty value is STRING. The first value that removed a candidate is kept for the log.
 */
public final class TypeSampler {
    private final int[] candidates;
    private final long[] values;
    private final String[] demotedBy;
    private int[] mapping;
    private Formats formats = Formats.ISO;
    private boolean exactDecimals;

    public TypeSampler(int columns) {
        candidates = new int[columns];
        Arrays.fill(candidates, ValueParsers.ALL_CANDIDATES);
        values = new long[columns];
        demotedBy = new String[columns];
    }

    /** With exact decimals, a decimal of more than 15 significant digits is not a FLOAT64 candidate. */
    public void exactDecimals(boolean exact) {
        this.exactDecimals = exact;
    }

    /** Date and timestamp patterns: values that match them are dates or timestamps too. */
    public void formats(Formats formats) {
        this.formats = formats;
    }

    /** From now on, the scanner's column {@code i} is this sampler's column {@code fileToSchema[i]}. */
    public void mapping(int[] fileToSchema) {
        this.mapping = fileToSchema.clone();
    }

    void observe(int fileColumn, byte[] a, int s, int e) {
        int column = mapping == null ? fileColumn : mapping[fileColumn];
        int mask = candidates[column];
        values[column]++;
        if (mask == 0) {
            return;
        }
        int fits = ValueParsers.classify(a, s, e, mask);
        if (formats != Formats.ISO) {
            fits |= formats.classify(a, s, e) & mask;
        }
        if (exactDecimals && (fits & (ValueParsers.CAN_FLOAT64 | ValueParsers.CAN_INT64)) == ValueParsers.CAN_FLOAT64
                && ValueParsers.significantDigits(a, s, e) > 15) {
            fits &= ~ValueParsers.CAN_FLOAT64;
        }
        if (fits != mask) {
            candidates[column] = fits;
            if (demotedBy[column] == null && values[column] > 1) {
                demotedBy[column] = new String(a, s, Math.min(e - s, 100), StandardCharsets.UTF_8);
            }
        }
    }

    public FloeType typeOf(int column) {
        int mask = candidates[column];
        if (values[column] == 0) {
            return FloeType.STRING;
        }
        if ((mask & ValueParsers.CAN_INT64) != 0) {
            return FloeType.INT64;
        }
        if ((mask & ValueParsers.CAN_FLOAT64) != 0) {
            return FloeType.FLOAT64;
        }
        if ((mask & ValueParsers.CAN_DATE) != 0) {
            return FloeType.DATE;
        }
        if ((mask & ValueParsers.CAN_TIMESTAMP) != 0) {
            return FloeType.TIMESTAMP;
        }
        if ((mask & ValueParsers.CAN_BOOLEAN) != 0) {
            return FloeType.BOOLEAN;
        }
        return FloeType.STRING;
    }

    /** Non-empty values seen in {@code column}. */
    public long values(int column) {
        return values[column];
    }

    /** The first value that narrowed the column's type after other values had been seen, or null. */
    public String demotedBy(int column) {
        return demotedBy[column];
    }
}
