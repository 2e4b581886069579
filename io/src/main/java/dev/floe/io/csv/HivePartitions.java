package dev.floe.io.csv;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvFormatException;
import dev.floe.io.fs.Storage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hive-style partition directories: {@code .../year=2024/city=Paris/part-0.csv}. */
public final class HivePartitions {
    private HivePartitions() {
    }

    /** The {@code key=value} directory parts of {@code path}, outermost first (values URL-decoded). */
    public static Map<String, String> of(String path) {
        Map<String, String> parts = new LinkedHashMap<>();
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) { // the last segment is the file name
            String s = segments[i];
            int eq = s.indexOf('=');
            if (eq > 0 && eq < s.length()) {
                parts.put(URLDecoder.decode(s.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(s.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /** The narrowest of BIGINT, DOUBLE, DATE, VARCHAR that every value fits ({@code 08} stays text). */
    public static FloeType typeOf(List<String> values) {
        int mask = ValueParsers.ALL_CANDIDATES;
        boolean dates = !values.isEmpty();
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0) {
                continue;
            }
            mask = ValueParsers.classify(b, 0, b.length, mask);
            try {
                ValueParsers.parseDateDays(b, 0, b.length);
            } catch (RuntimeException e) {
                dates = false;
            }
        }
        if ((mask & ValueParsers.CAN_INT64) != 0) {
            return FloeType.INT64;
        }
        if ((mask & ValueParsers.CAN_FLOAT64) != 0) {
            return FloeType.FLOAT64;
        }
        if (dates) {
            return FloeType.DATE;
        }
        return FloeType.STRING;
    }

    /**
     * The value of a partition key as {@code type}, or null (an absent key, or an empty value): Long, Double,
     * Integer (DATE days), Long (TIMESTAMP micros), Boolean, String, or for a declared DECIMAL(p,s) a BigDecimal
     * at scale s, read exactly as a CSV value is ({@link DecimalParser}). A value that is not one of the type
     * (or a decimal it cannot hold without losing digits) is a {@link CsvFormatException} naming the file
     * {@code path}, the key, the value, the type and what to declare instead.
     */
    public static Object value(String path, String key, String text, FloeType type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            switch (type.kind()) {
                case INT64: return ValueParsers.parseLong(b, 0, b.length);
                case FLOAT64: return ValueParsers.parseDouble(b, 0, b.length);
                case DATE: return ValueParsers.parseDateDays(b, 0, b.length);
                case TIMESTAMP: return ValueParsers.parseTimestampMicros(b, 0, b.length, true);
                case BOOLEAN: return ValueParsers.parseBoolean(b, 0, b.length);
                case DECIMAL:
                    DecimalParser parser = new DecimalParser();
                    parser.parse(b, 0, b.length, type.precision(), type.scale());
                    return dev.floe.expressions.eval.Decimals.toBigDecimal(parser.high, parser.low, type.scale());
                default: return text;
            }
        } catch (ParseFailure f) {
            throw new CsvFormatException(path, -1, key, text, Storage.displayName(path) + ": hive partition "
                    + key + "=" + text + ": cannot read '" + text + "' as " + type.sqlName()
                    + (type.isDecimal() && ValueParsers.isDecimalLiteral(b, 0, b.length) ? " without losing digits" : "")
                    + "; declare another type for it (types = {'" + key + "': 'VARCHAR'}) or rename the directory");
        }
    }
}
