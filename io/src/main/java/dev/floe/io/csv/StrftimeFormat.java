package dev.floe.io.csv;

import dev.floe.expressions.Temporal;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strftime-style pattern for reading dates and timestamps ({@code dateformat}, {@code timestampformat}):
 * {@code %Y} year, {@code %y} two-digit year (69-99: 19xx, else 20xx), {@code %m} month, {@code %b} month
 * name (Jan, or January), {@code %d} day, {@code %j} day of the year, {@code %H} hour, {@code %M} minute,
 * {@code %S} second, {@code %f} fraction of a second (1-9 digits), {@code %z} UTC offset ({@code Z},
 * {@code +hh:mm}, {@code +hhmm}: converted to UTC), {@code %%} a percent sign; other characters match
 * themselves. Numbers take up to their width in digits (one-digit months and days are accepted).
 * Compiled once; parsing allocates nothing and throws {@link ParseFailure} on a mismatch.
 */
public final class StrftimeFormat implements Serializable {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private final String pattern;
    private final char[] ops;       // a directive letter, or 0 for a literal
    private final char[] literals;

    private StrftimeFormat(String pattern, char[] ops, char[] literals) {
        this.pattern = pattern;
        this.ops = ops;
        this.literals = literals;
    }

    /** Compiles {@code pattern}; an unknown directive is an IllegalArgumentException naming it. */
    public static StrftimeFormat compile(String pattern) {
        List<Character> ops = new ArrayList<>();
        List<Character> literals = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%') {
                if (i + 1 >= pattern.length()) {
                    throw new IllegalArgumentException("format '" + pattern + "' ends with a lone %");
                }
                char d = pattern.charAt(++i);
                if ("YymbdjHMSfz".indexOf(d) < 0 && d != '%') {
                    throw new IllegalArgumentException("format '" + pattern + "': unknown directive %" + d
                            + "; use %Y %y %m %b %d %j %H %M %S %f %z or %%");
                }
                ops.add(d == '%' ? (char) 0 : d);
                literals.add(d == '%' ? '%' : (char) 0);
            } else {
                ops.add((char) 0);
                literals.add(c);
            }
        }
        char[] o = new char[ops.size()];
        char[] l = new char[ops.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = ops.get(i);
            l[i] = literals.get(i);
        }
        return new StrftimeFormat(pattern, o, l);
    }

    public String pattern() {
        return pattern;
    }

    /** Days since the epoch of the date in {@code a[s, e)}. */
    public int parseDays(byte[] a, int s, int e) {
        return (int) Math.floorDiv(parseMicros(a, s, e), Temporal.MICROS_PER_DAY);
    }

    /** Microseconds since the epoch (UTC if the pattern has %z). */
    public long parseMicros(byte[] a, int s, int e) {
        int year = 1970, month = 1, day = 1, dayOfYear = -1, hour = 0, minute = 0, second = 0;
        long micros = 0;
        long offset = 0;
        int i = s;
        for (int k = 0; k < ops.length; k++) {
            char op = ops[k];
            if (op == 0) {
                if (i >= e || a[i] != literals[k]) {
                    throw ParseFailure.INSTANCE;
                }
                i++;
                continue;
            }
            switch (op) {
                case 'Y': { int st = i; year = 0; while (i < e && i - st < 4 && isDigit(a[i])) { year = year * 10 + a[i++] - '0'; } if (i - st != 4) { throw ParseFailure.INSTANCE; } break; }
                case 'y': { int v = number(a, i, e, 2, 2); i += 2; year = v >= 69 ? 1900 + v : 2000 + v; break; }
                case 'm': { int n = width(a, i, e, 2); month = number(a, i, e, 1, n); i += n; break; }
                case 'd': { int n = width(a, i, e, 2); day = number(a, i, e, 1, n); i += n; break; }
                case 'j': { int n = width(a, i, e, 3); dayOfYear = number(a, i, e, 1, n); i += n; break; }
                case 'H': { int n = width(a, i, e, 2); hour = number(a, i, e, 1, n); i += n; break; }
                case 'M': { int n = width(a, i, e, 2); minute = number(a, i, e, 1, n); i += n; break; }
                case 'S': { int n = width(a, i, e, 2); second = number(a, i, e, 1, n); i += n; break; }
                case 'f': {
                    int st = i;
                    while (i < e && isDigit(a[i]) && i - st < 9) {
                        if (i - st < 6) {
                            micros = micros * 10 + a[i] - '0';
                        }
                        i++;
                    }
                    if (i == st) {
                        throw ParseFailure.INSTANCE;
                    }
                    for (int p = i - st; p < 6; p++) {
                        micros *= 10;
                    }
                    break;
                }
                case 'b': {
                    month = 0;
                    for (int m = 0; m < 12 && month == 0; m++) {
                        String full = MONTHS[m];
                        if (matches(a, i, e, full)) {
                            month = m + 1;
                            i += full.length();
                        } else if (matches(a, i, e, full.substring(0, 3))) {
                            month = m + 1;
                            i += 3;
                        }
                    }
                    if (month == 0) {
                        throw ParseFailure.INSTANCE;
                    }
                    break;
                }
                case 'z': {
                    int st = i;
                    while (i < e && (a[i] == 'Z' || a[i] == 'z' || a[i] == '+' || a[i] == '-' || a[i] == ':' || isDigit(a[i]))) {
                        i++;
                    }
                    if (i == st) {
                        throw ParseFailure.INSTANCE;
                    }
                    offset = ValueParsers.offsetSeconds(a, st, i);
                    break;
                }
                default:
                    throw new IllegalStateException("directive %" + op);
            }
        }
        if (i != e || month < 1 || month > 12 || day < 1 || day > ValueParsers.daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            throw ParseFailure.INSTANCE;
        }
        long days = Temporal.daysFromCivil(year, month, day);
        if (dayOfYear >= 0) {
            boolean leap = ValueParsers.daysInMonth(year, 2) == 29;
            if (dayOfYear < 1 || dayOfYear > (leap ? 366 : 365)) {
                throw ParseFailure.INSTANCE;
            }
            days = Temporal.daysFromCivil(year, 1, 1) + dayOfYear - 1;
        }
        return ((days * 86_400L) + hour * 3600L + minute * 60L + second - offset) * Temporal.MICROS_PER_SECOND + micros;
    }

    private static boolean matches(byte[] a, int i, int e, String word) {
        if (e - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase((char) a[i + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** How many digits (1..max) start at i. */
    private static int width(byte[] a, int i, int e, int max) {
        int n = 0;
        while (i + n < e && n < max && isDigit(a[i + n])) {
            n++;
        }
        if (n == 0) {
            throw ParseFailure.INSTANCE;
        }
        return n;
    }

    private static int number(byte[] a, int i, int e, int min, int n) {
        if (i + n > e) {
            throw ParseFailure.INSTANCE;
        }
        int v = 0;
        for (int k = 0; k < n; k++) {
            if (!isDigit(a[i + k])) {
                throw ParseFailure.INSTANCE;
            }
            v = v * 10 + a[i + k] - '0';
        }
        return v;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    @Override
    public String toString() {
        return pattern.toLowerCase(Locale.ROOT);
    }
}
