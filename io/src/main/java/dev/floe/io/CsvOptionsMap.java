package dev.floe.io;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * SQL {@code read_csv(..., name = value)} options, named as DuckDB names them, applied to {@link CsvOptions}.
 * Values arrive as the SQL layer parsed them: Boolean, Long/Integer, Double, String, a List (nullstr) or a
 * Map of column name to SQL type name (types/columns). An unknown name is an error listing the known ones
 * (with a did-you-mean); a bad value is an error naming the option and the value.
 */
final class CsvOptionsMap {
    static final List<String> NAMES = List.of("all_varchar", "batch_rows", "block_size", "columns", "comment",
            "compression", "dateformat", "date_format", "decimal", "delim", "delimiter", "encoding", "escape",
            "filename", "header", "hive_partitioning", "ignore_errors", "max_line_size", "max_rejects", "null_padding",
            "nullstr", "quote", "rejects", "replace_invalid_utf8", "sample_size", "sep", "skip", "store_rejects",
            "timestampformat", "timestamp_format", "types", "dtypes", "union_by_name");

    private CsvOptionsMap() {
    }

    static CsvOptions apply(CsvOptions options, Map<String, Object> map) {
        java.util.Objects.requireNonNull(map, "options is null");
        CsvOptions o = options;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            Object value = e.getValue();
            try {
                o = one(o, name, value);
            } catch (IllegalArgumentException | ClassCastException ex) {
                throw new IllegalArgumentException("read_csv option " + e.getKey() + " = " + show(value) + ": "
                        + (ex instanceof ClassCastException ? "wrong kind of value" : ex.getMessage()), ex);
            }
        }
        return storeRejects(o, map);
    }

    /**
     * As in DuckDB, {@code store_rejects = true} skips bad rows to store them: it implies
     * {@code ignore_errors = true}, and contradicts an explicit {@code ignore_errors = false}.
     */
    private static CsvOptions storeRejects(CsvOptions o, Map<String, Object> map) {
        if (!o.rejects() || o.ignoreErrors()) {
            return o;
        }
        boolean explicit = map.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("ignore_errors"));
        if (explicit) {
            throw new IllegalArgumentException("read_csv options store_rejects = true and ignore_errors = false"
                    + " contradict each other: store_rejects skips bad rows to keep them in reject_errors; drop one");
        }
        return o.withIgnoreErrors(true);
    }

    private static CsvOptions one(CsvOptions o, String name, Object value) {
        switch (name) {
            case "header":
                if (value instanceof String s && s.equalsIgnoreCase("auto")) {
                    return o.withHeader(CsvOptions.Header.AUTO);
                }
                return o.withHeader(bool(value));
            case "delim": case "sep": case "delimiter":
                return o.withDelimiter(character(value));
            case "quote":
                return o.withQuote(character(value));
            case "escape":
                return o.withEscape(character(value));
            case "comment":
                return o.withComment(string(value).isEmpty() ? 0 : character(value));
            case "skip":
                return o.withSkip(Math.toIntExact(number(value)));
            case "nullstr":
                if (value instanceof List<?> list) {
                    List<String> strings = new ArrayList<>();
                    list.forEach(x -> strings.add(string(x)));
                    return o.withNullStrings(strings);
                }
                return o.withNullStrings(List.of(string(value)));
            case "encoding":
                return o.withEncoding(string(value));
            case "replace_invalid_utf8":
                return o.withReplaceInvalidUtf8(bool(value));
            case "max_line_size":
                return o.withMaxLineSize(Math.toIntExact(number(value)));
            case "compression":
                return o.withCompression(string(value));
            case "types": case "columns": case "dtypes":
                return o.withTypes(types(value));
            case "all_varchar":
                return o.withAllVarchar(bool(value));
            case "sample_size":
                return o.withSampleSize(number(value));
            case "dateformat": case "date_format":
                return o.withDateFormat(string(value));
            case "timestampformat": case "timestamp_format":
                return o.withTimestampFormat(string(value));
            case "union_by_name":
                return o.withUnionByName(bool(value));
            case "filename":
                return o.withFilename(bool(value));
            case "hive_partitioning":
                return o.withHivePartitioning(bool(value));
            case "ignore_errors":
                return o.withIgnoreErrors(bool(value));
            case "rejects": case "store_rejects":
                return o.withRejects(bool(value));
            case "max_rejects":
                if (value instanceof Double d) {
                    return o.withMaxRejectsFraction(d);
                }
                return o.withMaxRejects(number(value));
            case "null_padding":
                return o.withNullPadding(bool(value));
            case "block_size":
                return o.withBlockSize(number(value));
            case "batch_rows":
                return o.withBatchRows(Math.toIntExact(number(value)));
            case "decimal":
                switch (string(value).toLowerCase(Locale.ROOT)) {
                    case "double": return o.withDecimals(CsvOptions.DecimalMode.DOUBLE);
                    case "varchar": return o.withDecimals(CsvOptions.DecimalMode.VARCHAR);
                    case "decimal": return o.withDecimals(CsvOptions.DecimalMode.DECIMAL);
                    default: throw new IllegalArgumentException("expected 'double' (round to the nearest DOUBLE),"
                            + " 'varchar' (keep numbers a DOUBLE cannot hold exactly as text) or 'decimal'"
                            + " (read decimal numbers exactly, as DECIMAL(38, s))");
                }
            default:
                throw new IllegalArgumentException(unknown(name));
        }
    }

    private static String unknown(String name) {
        StringBuilder sb = new StringBuilder("unknown read_csv option '").append(name).append("'");
        String nearest = NAMES.stream().min(Comparator.comparingInt(n -> TypeChecker.editDistance(n, name))).orElseThrow();
        if (TypeChecker.editDistance(nearest, name) <= Math.max(2, name.length() / 3)) {
            sb.append("; did you mean '").append(nearest).append("'?");
        } else {
            sb.append('.');
        }
        return sb.append(" Known options: ").append(String.join(", ", new TreeSet<>(NAMES))).toString();
    }

    private static Map<String, FloeType> types(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a map of column name to type, e.g. {'zip': 'VARCHAR'}");
        }
        Map<String, FloeType> types = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String type = string(e.getValue());
            try {
                types.put(string(e.getKey()), FloeType.fromSqlName(type));
            } catch (RuntimeException ex) {
                // DECIMAL(40,2), DECIMAL(5,6): FloeType says what is out of range; other names are unknown
                String why = type.trim().toUpperCase(Locale.ROOT).matches("(DECIMAL|NUMERIC)\\b.*") ? ex.getMessage()
                        : "unknown type '" + type + "'";
                throw new IllegalArgumentException(why + " for column '" + e.getKey()
                        + "'; use BOOLEAN, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, DATE or TIMESTAMP");
            }
        }
        return types;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true": case "1": case "yes": case "on": return true;
                case "false": case "0": case "no": case "off": return false;
                default: break;
            }
        }
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
            return n.longValue() == 1;
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static long number(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("expected an integer");
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        throw new IllegalArgumentException("expected a string");
    }

    private static char character(Object value) {
        String s = string(value);
        if (s.equals("\\t")) {
            return '\t';
        }
        if (s.length() != 1) {
            throw new IllegalArgumentException("expected a single character, got " + s.length() + " characters");
        }
        return s.charAt(0);
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
