package dev.floe.expressions;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of fixed-length intervals, as {@code time_bucket} takes them: {@code '15 minutes'},
 * {@code '1 hour'}, {@code '2 days'}, {@code '500 milliseconds'} (a number and a {@link DateUnit} of a
 * fixed length, singular or plural), and pandas' frequency strings ({@code 15min}, {@code 15T}, {@code h},
 * {@code 30s}, {@code D}, {@code 500ms}, {@code 1w}).
 */
public final class Intervals {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]+)\\s*");
    private static final Pattern PANDAS = Pattern.compile("\\s*(\\d*)\\s*([a-zA-Z]+)\\s*");

    private Intervals() {
    }

    /** Microseconds in the interval text; IllegalArgumentException naming the text if it is not one. */
    public static long parseMicros(String text) {
        Matcher m = TEXT.matcher(text);
        DateUnit unit = m.matches() ? DateUnit.lookup(m.group(2)) : null;
        if (unit == null) {
            unit = m.matches() ? pandasUnit(m.group(2)) : null;
        }
        if (unit == null || !unit.isFixed()) {
            throw new IllegalArgumentException("'" + text + "' is not an interval of fixed length; write it as a number"
                    + " and a unit, e.g. '15 minutes', '1 hour', '2 days', '1 week', '500 milliseconds'");
        }
        long micros = Math.multiplyExact(Long.parseLong(m.group(1)), unit.micros());
        if (micros <= 0) {
            throw new IllegalArgumentException("interval '" + text + "' must be longer than zero");
        }
        return micros;
    }

    /** The canonical text of {@code micros}: the largest unit that divides it, e.g. 900000000 -> {@code 15 minutes}. */
    public static String format(long micros) {
        for (DateUnit u : new DateUnit[] {DateUnit.WEEK, DateUnit.DAY, DateUnit.HOUR, DateUnit.MINUTE, DateUnit.SECOND,
            DateUnit.MILLISECOND, DateUnit.MICROSECOND}) {
            if (micros % u.micros() == 0) {
                long n = micros / u.micros();
                return n + " " + u.sqlName() + (n == 1 ? "" : "s");
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The microseconds of a positive Duration; IllegalArgumentException for zero, negative or sub-microsecond ones. */
    public static long micros(Duration d) {
        if (d.isNegative() || d.isZero() || d.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("an interval must be a positive whole number of microseconds, not " + d);
        }
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
    }

    /** A pandas frequency ({@code 15min}, {@code h}, ...) as a Duration. */
    public static Duration parsePandasFrequency(String freq) {
        Matcher m = PANDAS.matcher(freq);
        DateUnit unit = m.matches() ? pandasUnit(m.group(2)) : null;
        if (unit == null) {
            unit = m.matches() ? DateUnit.lookup(m.group(2)) : null;
        }
        if (unit == null || !unit.isFixed()) {
            throw new IllegalArgumentException("'" + freq + "' is not a fixed frequency; use e.g. 15min, 15T, h, 30s, D,"
                    + " 500ms, 1w");
        }
        long n = m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1));
        return Duration.ofNanos(Math.multiplyExact(Math.multiplyExact(n, unit.micros()), 1000L));
    }

    private static DateUnit pandasUnit(String code) {
        return switch (code) {
            case "W", "w" -> DateUnit.WEEK;
            case "D", "d" -> DateUnit.DAY;
            case "H", "h" -> DateUnit.HOUR;
            case "T", "min" -> DateUnit.MINUTE;
            case "S", "s" -> DateUnit.SECOND;
            case "L", "ms" -> DateUnit.MILLISECOND;
            case "U", "us" -> DateUnit.MICROSECOND;
            default -> code.length() > 3 ? null : switch (code.toLowerCase(Locale.ROOT)) {
                case "sec" -> DateUnit.SECOND;
                case "hr" -> DateUnit.HOUR;
                default -> null;
            };
        };
    }
}
