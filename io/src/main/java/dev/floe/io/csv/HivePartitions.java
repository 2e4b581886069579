package dev.floe.io.csv;

import dev.floe.expressions.FloeType;
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

    /** The value of a partition key as {@code type}, or null (an absent key, or an empty value). */
    public static Object value(String text, FloeType type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        switch (type.kind()) {
            case INT64: return ValueParsers.parseLong(b, 0, b.length);
            case FLOAT64: return ValueParsers.parseDouble(b, 0, b.length);
            case DATE: return ValueParsers.parseDateDays(b, 0, b.length);
            case TIMESTAMP: return ValueParsers.parseTimestampMicros(b, 0, b.length, true);
            case BOOLEAN: return ValueParsers.parseBoolean(b, 0, b.length);
            default: return text;
        }
    }
}
