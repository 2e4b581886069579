package dev.floe.io.csv;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions.DecimalMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Per-column type inference state, fed by a {@link CsvScanner} whose columns are bound with
 * {@link CsvScanner#INFER}. Each column keeps the set of candidate types that every non-empty value
 * seen so far fits ({@link ValueParsers#classify}); the answer is the smallest survivor in
 * {@code INT64 -> FLOAT64 -> STRING}, {@code DATE -> TIMESTAMP -> STRING} (dates and timestamps mixed are
 * TIMESTAMP) and {@code BOOLEAN -> STRING} (only true/false). A column with no
 * non-empty value is STRING. The first value that removed a candidate is kept for the log.
 *
 * <p>Decimals ({@link DecimalMode}): under {@code VARCHAR} and {@code DECIMAL} a decimal of
 * more than 15 significant digits is not a FLOAT64 candidate. Under {@code DECIMAL} each column also
 * tracks whether every value is a plain decimal ({@link DecimalParser#plainShape}: digits, an optional point,
 * no exponent, no leading zero) and the most integer and fraction digits seen; the lattice is then
 * {@code INT64 -> DECIMAL(38, s) -> (FLOAT64 -> STRING, as above)}, where DECIMAL(38, s) holds while every
 * value is plain and s plus the most integer digits is at most 38 (integers beyond BIGINT, which fit no
 * other number type, are plain decimals of scale 0).
 */
public final class TypeSampler {
    private final int[] candidates;
    private final long[] values;
    private final String[] demotedBy;
    private int[] mapping;
    private Formats formats = Formats.ISO;
    private boolean exactDecimals;
    private boolean inferDecimals;
    /** Under DecimalMode.DECIMAL, per column: every value so far is a plain decimal; the most digits seen. */
    private final boolean[] plainDecimals;
    private final int[] integerDigits;
    private final int[] fractionDigits;
    /** Per column: the last value that changed its type, where it was, and the type before it. */
    private final Change[] lastChange;
    private final int[] filesWithValues;
    private final int[] lastFileSeen;
    private String file;
    private int fileNumber;

    /**
     * A value that changed a column's type: its text (up to 100 characters), its file, the byte offset of its
     * record, the type before it (null for the column's first value), and the record's line once resolved
     * ({@link #resolveLines}), else -1.
     */
    public record Change(String value, String file, long recordOffset, FloeType before, long line) {
    }

    public TypeSampler(int columns) {
        candidates = new int[columns];
        Arrays.fill(candidates, ValueParsers.ALL_CANDIDATES);
        values = new long[columns];
        plainDecimals = new boolean[columns];
        Arrays.fill(plainDecimals, true);
        integerDigits = new int[columns];
        fractionDigits = new int[columns];
        demotedBy = new String[columns];
        lastChange = new Change[columns];
        filesWithValues = new int[columns];
        lastFileSeen = new int[columns];
    }

    /** From now on the values come from {@code path} (for {@link #lastChange} and the count of files). */
    public void file(String path) {
        this.file = path;
        this.fileNumber++;
    }

    /** How decimals are inferred (see the class comment). */
    public void decimals(DecimalMode mode) {
        this.exactDecimals = mode != DecimalMode.DOUBLE;
        this.inferDecimals = mode == DecimalMode.DECIMAL;
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
        observe(fileColumn, a, s, e, -1);
    }

    /** One non-empty value of the scanner's column {@code fileColumn}, in the record at {@code recordOffset}. */
    void observe(int fileColumn, byte[] a, int s, int e, long recordOffset) {
        int column = mapping == null ? fileColumn : mapping[fileColumn];
        int mask = candidates[column];
        values[column]++;
        if (lastFileSeen[column] != fileNumber || filesWithValues[column] == 0) {
            lastFileSeen[column] = fileNumber;
            filesWithValues[column]++;
        }
        boolean plain = inferDecimals && plainDecimals[column];
        if (mask == 0 && !plain) {
            return;
        }
        int fits = mask == 0 ? 0 : ValueParsers.classify(a, s, e, mask);
        if (formats != Formats.ISO) {
            fits |= formats.classify(a, s, e) & mask;
        }
        if (exactDecimals && (fits & (ValueParsers.CAN_FLOAT64 | ValueParsers.CAN_INT64)) == ValueParsers.CAN_FLOAT64
                && ValueParsers.significantDigits(a, s, e) > 15) {
            fits &= ~ValueParsers.CAN_FLOAT64;
        }
        int integers = 0;
        int fraction = 0;
        boolean decimalChanged = false;
        if (plain) {
            long shape = ValueParsers.hasLeadingZero(a, s, e) ? -1 : DecimalParser.plainShape(a, s, e);
            plain = shape >= 0;
            integers = plain ? Math.max(integerDigits[column], (int) (shape >>> 32)) : 0;
            fraction = plain ? Math.max(fractionDigits[column], (int) shape) : 0;
            decimalChanged = !plain || integers != integerDigits[column] || fraction != fractionDigits[column];
        }
        if (fits != mask || decimalChanged) {
            FloeType before = values[column] == 1 ? null : typeOf(column);
            candidates[column] = fits;
            if (decimalChanged) {
                plainDecimals[column] = plain;
                integerDigits[column] = integers;
                fractionDigits[column] = fraction;
            }
            if (before == null || typeOf(column) != before) {
                lastChange[column] = new Change(shown(a, s, e), file,
                        recordOffset, before, -1);
            }
            if (demotedBy[column] == null && values[column] > 1 && (fits != mask || !plain)) {
                demotedBy[column] = shown(a, s, e);
            }
        }
    }

    /** A value as a message shows it: its first 100 characters (cut between characters, never inside one). */
    private static String shown(byte[] a, int s, int e) {
        String text = new String(a, s, Math.min(e - s, 400), StandardCharsets.UTF_8); // 400 bytes hold 100 chars
        if (text.length() <= 100) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(99)) ? 99 : 100;
        return text.substring(0, end);
    }

    public FloeType typeOf(int column) {
        if (values[column] == 0) {
            return FloeType.STRING;
        }
        int mask = candidates[column];
        if (inferDecimals && (mask & ValueParsers.CAN_INT64) == 0 && plainDecimals[column]
                && integerDigits[column] + fractionDigits[column] <= FloeType.MAX_DECIMAL_PRECISION) {
            return FloeType.decimal(FloeType.MAX_DECIMAL_PRECISION, fractionDigits[column]);
        }
        return typeOfMask(mask);
    }

    /** The smallest type in the lattice that {@code mask} still allows. */
    private static FloeType typeOfMask(int mask) {
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

    /** How many files gave the column at least one non-empty value. */
    public int filesWithValues(int column) {
        return filesWithValues[column];
    }

    /** The last value that changed the column's type (so the one that made it what it is), or null. */
    public Change lastChange(int column) {
        return lastChange[column];
    }

    /**
     * Fills in the line of each last change made in {@code path}, by {@code lineOf(recordOffset)}, called in
     * increasing order of offset (so that a counter passes over the file once); a result below 1 leaves it unknown.
     */
    public void resolveLines(String path, java.util.function.LongUnaryOperator lineOf) {
        Integer[] order = new Integer[lastChange.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, java.util.Comparator.comparingLong(c -> lastChange[c] == null ? -1 : lastChange[c].recordOffset()));
        for (int c : order) {
            Change change = lastChange[c];
            if (change != null && change.line() < 0 && change.recordOffset() >= 0 && path.equals(change.file())) {
                lastChange[c] = new Change(change.value(), change.file(), change.recordOffset(), change.before(),
                        lineOf.applyAsLong(change.recordOffset()));
            }
        }
    }

    /** The first value that narrowed the column's type after other values had been seen, or null. */
    public String demotedBy(int column) {
        return demotedBy[column];
    }
}
