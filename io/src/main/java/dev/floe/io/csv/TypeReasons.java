package dev.floe.io.csv;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.io.fs.Storage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why schema inference gave a column its type, in one line a user reads in {@code DESCRIBE}:
 * <pre>
 *   BIGINT: 3,000 values sampled from 4 files, all integers
 *   DOUBLE: 3,000 values sampled from 4 files, all numbers; '1.5' at part-2.csv line 17 is not an integer
 *   VARCHAR: '08123' at part-2.csv line 17 has a leading zero
 *   TIMESTAMP: 1,200 values sampled from 1 file, all ISO 8601 timestamps
 *   DECIMAL(38,4): 3,000 values sampled from 4 files, all plain decimals (decimal = 'decimal'); '1.2345' at part-2.csv line 9 has 4 digits after the point
 *   VARCHAR: declared by types = {'zip': 'VARCHAR'}
 *   VARCHAR: all_varchar = true
 * </pre>
 * The value named is the last one that changed the column's type while sampling ({@link TypeSampler.Change}):
 * the one that made the type what it is.
 */
final class TypeReasons {
    private static final Pattern LEADING_ZERO = Pattern.compile("[+-]?0[0-9]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private TypeReasons() {
    }

    /** The reason for data column {@code column} ({@code name}) of type {@code type}. */
    static String of(String name, FloeType type, CsvOptions options, TypeSampler sampler, int column) {
        String sql = type.sqlName();
        if (options.allVarchar()) {
            return sql + ": all_varchar = true";
        }
        if (options.types().containsKey(name)) {
            return sql + ": declared by types = {'" + name + "': '" + sql + "'}";
        }
        if (options.timestampColumns().contains(name)) {
            return sql + ": declared a timestamp column (CsvOptions.parseDates / withTimestampColumns)";
        }
        long values = sampler.values(column);
        boolean every = options.sampleSize() < 0;
        if (values == 0) {
            return sql + ": no value to go by (every " + (every ? "" : "sampled ") + "value is empty or NULL)";
        }
        int files = sampler.filesWithValues(column);
        String seen = String.format(Locale.ROOT, "%,d %s %s %d %s", values, values == 1 ? "value" : "values",
                every ? "(every row) in" : "sampled from", files, files == 1 ? "file" : "files");
        TypeSampler.Change change = sampler.lastChange(column);
        String why = change == null || change.before() == null ? null : at(change) + " " + whyNot(change, options);
        switch (type.kind()) {
            case STRING:
                return sql + ": " + (change == null ? seen : at(change) + " " + whyNot(change, options));
            case INT64:
                return sql + ": " + seen + ", all integers";
            case FLOAT64:
                return sql + ": " + seen + ", all numbers" + (why == null ? "" : "; " + why);
            case DATE:
                return sql + ": " + seen + ", all " + format(options.dateFormat(), "dateformat", "dates");
            case TIMESTAMP:
                return sql + ": " + seen + ", all " + (options.timestampFormat() == null && options.dateFormat() == null
                        ? "ISO 8601 timestamps" : "timestamps (ISO 8601 or the formats given)")
                        + (why == null ? "" : "; " + why);
            case BOOLEAN:
                return sql + ": " + seen + ", all true or false";
            case DECIMAL:
                return sql + ": " + seen + ", all plain decimals (decimal = 'decimal')"
                        + (change == null ? "" : "; " + at(change) + " " + decimalWhy(change.value()));
            default:
                return sql + ": " + seen;
        }
    }

    private static String format(String pattern, String option, String what) {
        return pattern == null ? "ISO 8601 " + what : what + " in " + option + " '" + pattern + "' or ISO 8601";
    }

    /** {@code '08123' at part-2.csv line 17} (or {@code byte 1234} when the line is unknown). */
    private static String at(TypeSampler.Change c) {
        String where = c.file() == null ? "" : " at " + Storage.displayName(c.file());
        if (c.line() > 0) {
            where += " line " + c.line();
        } else if (c.recordOffset() >= 0) {
            where += " byte " + c.recordOffset();
        }
        String shown = c.value().replace("\r", "\\r").replace("\n", "\\n"); // a reason stays on one line
        return "'" + shown + "'" + where;
    }

    /** Why {@code c.value()} does not fit the type the column had before it. */
    private static String whyNot(TypeSampler.Change c, CsvOptions options) {
        String v = c.value();
        FloeType before = c.before();
        boolean wasNumber = before == null || before == FloeType.INT64 || before == FloeType.FLOAT64
                || before.isDecimal();
        if (wasNumber && LEADING_ZERO.matcher(v).matches()) {
            return "has a leading zero (an identifier: kept as text)";
        }
        if (before != null && before.isDecimal()) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            if (DecimalParser.plainShape(b, 0, b.length) >= 0) {
                return "needs more than " + FloeType.MAX_DECIMAL_PRECISION + " digits with the other values' (a"
                        + " DECIMAL holds " + FloeType.MAX_DECIMAL_PRECISION + "; declare the column's type in types"
                        + " to choose its precision and scale)";
            }
            if (isNumber(v)) {
                return "is not a plain decimal (decimal = 'decimal' reads digits and a point, no exponent, NaN or"
                        + " Infinity)";
            }
        }
        if (wasNumber && INTEGER.matcher(v).matches()) {
            return "is an integer beyond BIGINT (kept as text rather than rounded to a DOUBLE)";
        }
        if (before == FloeType.INT64 && fits(v, ValueParsers.CAN_FLOAT64)) {
            return "is not an integer";
        }
        if (before == FloeType.DATE && fits(v, ValueParsers.CAN_TIMESTAMP)) {
            return "has a time of day";
        }
        if (wasNumber && options.exactDecimals() && isNumber(v)) {
            return "has more significant digits than a DOUBLE holds (decimal = '" + options.decimals().sqlValue()
                    + "')";
        }
        if (before == null) {
            return "is text";
        }
        return "is not a " + before.sqlName();
    }

    /** Why a value made its column the DECIMAL it is: its scale, or an integer too long for BIGINT. */
    private static String decimalWhy(String v) {
        if (INTEGER.matcher(v).matches()) {
            return "is an integer beyond BIGINT";
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        int scale = (int) DecimalParser.plainShape(b, 0, b.length);
        return "has " + scale + (scale == 1 ? " digit" : " digits") + " after the point";
    }

    private static boolean fits(String v, int candidate) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        return (ValueParsers.classify(b, 0, b.length, candidate) & candidate) != 0;
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
