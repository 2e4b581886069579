package dev.floe.expressions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference for the nodes beyond {@link Oracle}'s: one row of boxed values, by the book, with
 * java.lang.String, java.util.regex, BigDecimal and java.time, never with the kernels' helpers
 * (Temporal, Utf8, the LIKE matcher).
 */
final class FunctionOracle {
    private static final Object ERROR = Oracle.ERROR;
    private static final long DAY = 86_400_000_000L;

    private FunctionOracle() {
    }

    static Object eval(Expr e, Schema schema, Map<String, Object[]> columns, int row) {
        if (e instanceof NullLiteral) {
            return null;
        }
        if (e instanceof TryCast c) {
            Object v = Oracle.cast(Oracle.eval(c.input(), schema, columns, row), TypeChecker.typeOf(c.input(), schema), c.type());
            return v == ERROR ? null : v;
        }
        if (e instanceof Between b) {
            Object x = Oracle.eval(b.input(), schema, columns, row);
            Object lo = Oracle.eval(b.low(), schema, columns, row);
            Object hi = Oracle.eval(b.high(), schema, columns, row);
            Boolean ge = x == null || lo == null ? null : Oracle.compare(x, lo) >= 0;
            Boolean le = x == null || hi == null ? null : Oracle.compare(x, hi) <= 0;
            return Oracle.logic(BinaryOp.AND, ge, le);
        }
        if (e instanceof InList in) {
            Object x = Oracle.eval(in.input(), schema, columns, row);
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            for (Expr v : in.values()) {
                Object y = Oracle.eval(v, schema, columns, row);
                if (y == null) {
                    sawNull = true;
                } else if (Oracle.compare(x, y) == 0) {
                    return true;
                }
            }
            return sawNull ? null : false;
        }
        if (e instanceof Case c) {
            for (Case.When w : c.branches()) {
                Object cond = c.operand() == null ? Oracle.eval(w.condition(), schema, columns, row)
                        : equal(Oracle.eval(c.operand(), schema, columns, row), Oracle.eval(w.condition(), schema, columns, row));
                if (Boolean.TRUE.equals(cond)) {
                    return Oracle.eval(w.result(), schema, columns, row);
                }
            }
            return c.otherwise() == null ? null : Oracle.eval(c.otherwise(), schema, columns, row);
        }
        if (e instanceof Like l) {
            Object v = Oracle.eval(l.input(), schema, columns, row);
            return v == null ? null : likeRegex(l).matcher((String) v).matches();
        }
        if (e instanceof FunctionCall f) {
            return function(f, schema, columns, row);
        }
        throw new IllegalArgumentException("the oracle has no rule for " + e.getClass().getSimpleName() + " " + e.toSql());
    }

    private static Boolean equal(Object a, Object b) {
        return a == null || b == null ? null : Oracle.compare(a, b) == 0;
    }

    /** LIKE as a regular expression over the whole string. */
    static Pattern likeRegex(Like l) {
        StringBuilder re = new StringBuilder();
        String p = l.pattern();
        for (int i = 0; i < p.length(); ) {
            int cp = p.codePointAt(i);
            i += Character.charCount(cp);
            if (l.escape() != null && cp == l.escape().codePointAt(0)) {
                cp = p.codePointAt(i);
                i += Character.charCount(cp);
                re.append(Pattern.quote(new String(Character.toChars(cp))));
            } else if (cp == '%') {
                re.append("(?s:.*)");
            } else if (cp == '_') {
                re.append("(?s:.)");
            } else {
                re.append(Pattern.quote(new String(Character.toChars(cp))));
            }
        }
        return Pattern.compile(re.toString(), l.caseInsensitive() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    private static Object function(FunctionCall f, Schema schema, Map<String, Object[]> columns, int row) {
        List<Expr> args = f.args();
        Object[] v = new Object[args.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Oracle.eval(args.get(i), schema, columns, row);
        }
        switch (f.function()) {
            case COALESCE -> {
                for (Object x : v) {
                    if (x != null) {
                        return x;
                    }
                }
                return null;
            }
            case NULLIF -> {
                return v[0] != null && v[1] != null && Oracle.compare(v[0], v[1]) == 0 ? null : v[0];
            }
            case CONCAT -> {
                StringBuilder sb = new StringBuilder();
                for (Object x : v) {
                    if (x != null) {
                        sb.append((String) x);
                    }
                }
                return sb.toString();
            }
            default -> {
                for (Object x : v) {
                    if (x == null) {
                        return null;
                    }
                }
            }
        }
        return switch (f.function()) {
            case ABS -> v[0] instanceof Long x ? (x == Long.MIN_VALUE ? ERROR : (Object) Math.abs(x)) : (Object) Math.abs((Double) v[0]);
            case FLOOR -> v[0] instanceof Long ? v[0] : (Object) Math.floor((Double) v[0]);
            case CEIL -> v[0] instanceof Long ? v[0] : (Object) Math.ceil((Double) v[0]);
            case ROUND -> round(v[0], v.length > 1 ? (Long) v[1] : 0L);
            case SQRT -> (Double) v[0] < 0 ? ERROR : (Object) Math.sqrt((Double) v[0]);
            case LN -> (Double) v[0] <= 0 ? ERROR : (Object) Math.log((Double) v[0]);
            case LOG10 -> (Double) v[0] <= 0 ? ERROR : (Object) Math.log10((Double) v[0]);
            case EXP -> Math.exp((Double) v[0]);
            case POW -> Math.pow((Double) v[0], (Double) v[1]);
            case LOWER -> ((String) v[0]).toLowerCase(Locale.ROOT);
            case UPPER -> ((String) v[0]).toUpperCase(Locale.ROOT);
            case LENGTH -> (long) ((String) v[0]).codePointCount(0, ((String) v[0]).length());
            case TRIM, LTRIM, RTRIM -> trim((String) v[0], f.function());
            case SUBSTRING -> substring((String) v[0], (Long) v[1], v.length > 2 ? (Long) v[2] : null);
            case REPLACE -> ((String) v[1]).isEmpty() ? v[0] : ((String) v[0]).replace((String) v[1], (String) v[2]);
            case CONTAINS -> ((String) v[0]).contains((String) v[1]);
            case STARTS_WITH -> ((String) v[0]).startsWith((String) v[1]);
            case ENDS_WITH -> ((String) v[0]).endsWith((String) v[1]);
            case REGEXP_MATCHES -> Pattern.compile((String) v[1]).matcher((String) v[0]).find();
            case REGEXP_EXTRACT -> {
                Matcher m = Pattern.compile((String) v[1]).matcher((String) v[0]);
                String g = m.find() ? m.group(v.length > 2 ? (int) (long) (Long) v[2] : 0) : null;
                yield g == null ? "" : g;
            }
            case LPAD, RPAD -> pad((String) v[0], (Long) v[1], (String) v[2], f.function() == ScalarFunction.LPAD);
            case DATE_TRUNC -> truncate(v[1], DateUnit.parse((String) v[0]));
            case TIME_BUCKET -> bucket(v[1], Intervals.parseMicros((String) v[0]),
                    v.length > 2 ? (Long) v[2] : micros(LocalDateTime.of(2000, 1, 3, 0, 0)));
            case DATE_DIFF -> diff(DateUnit.parse((String) v[0]), v[1], v[2]);
            case DATE_ADD -> add(DateUnit.parse((String) v[0]), (Long) v[1], v[2]);
            default -> throw new IllegalArgumentException(f.toSql());
        };
    }

    private static Object round(Object x, long digits) {
        if (x instanceof Long l) {
            if (digits >= 0) {
                return l;
            }
            try {
                return new BigDecimal(l).setScale((int) Math.max(digits, -40), RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException e) {
                return ERROR;
            }
        }
        double d = (Double) x;
        double scaled = digits >= 0 ? d * Math.pow(10, digits) : d / Math.pow(10, -digits);
        if (!Double.isFinite(scaled)) {
            return d;
        }
        // the sign of zero is kept, as C's round (DuckDB) keeps it: round(-0.2) = -0.0
        double rounded = Math.copySign(new BigDecimal(scaled).setScale(0, RoundingMode.HALF_UP).doubleValue(), scaled);
        double r = digits >= 0 ? rounded / Math.pow(10, digits) : rounded * Math.pow(10, -digits);
        return Double.isFinite(r) ? r : d;
    }

    private static String trim(String s, ScalarFunction f) {
        int[] cps = s.codePoints().toArray();
        int lo = 0;
        int hi = cps.length;
        while (f != ScalarFunction.RTRIM && lo < hi && Character.getType(cps[lo]) == Character.SPACE_SEPARATOR) {
            lo++;
        }
        while (f != ScalarFunction.LTRIM && hi > lo && Character.getType(cps[hi - 1]) == Character.SPACE_SEPARATOR) {
            hi--;
        }
        return new String(cps, lo, hi - lo);
    }

    private static String substring(String s, long start, Long length) {
        int[] cps = s.codePoints().toArray();
        if (length != null && length < 0) {
            return "";
        }
        long first = start > 0 ? start - 1 : start == 0 ? -1 : cps.length + start;   // 0-based window start
        long last = length == null ? cps.length : first + length;
        first = Math.max(0, first);
        last = Math.min(cps.length, last);
        return first >= last ? "" : new String(cps, (int) first, (int) (last - first));
    }

    private static Object pad(String s, long n, String fill, boolean left) {
        int[] cps = s.codePoints().toArray();
        n = Math.max(0, n);
        if (cps.length >= n) {
            return new String(cps, 0, (int) n);
        }
        if (fill.isEmpty()) {
            return ERROR;
        }
        int[] f = fill.codePoints().toArray();
        StringBuilder padding = new StringBuilder();
        for (int k = 0; k < n - cps.length; k++) {
            padding.appendCodePoint(f[k % f.length]);
        }
        return left ? padding + s : s + padding;
    }

    private static LocalDateTime time(Object v) {
        if (v instanceof Integer days) {
            return LocalDate.ofEpochDay(days).atStartOfDay();
        }
        long micros = (Long) v;
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000,
                ZoneOffset.UTC);
    }

    private static long micros(LocalDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
    }

    /** The value of the input's type for {@code t}: DATE days or TIMESTAMP micros; ERROR out of range. */
    private static Object back(Object like, LocalDateTime t) {
        try {
            if (like instanceof Integer) {
                return Math.toIntExact(t.toLocalDate().toEpochDay());
            }
            return micros(t);
        } catch (ArithmeticException e) {
            return ERROR;
        }
    }

    private static Object truncate(Object v, DateUnit unit) {
        LocalDateTime t = time(v);
        LocalDateTime r = switch (unit) {
            case YEAR -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case QUARTER -> t.toLocalDate().withMonth((t.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).atStartOfDay();
            case MONTH -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case WEEK -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
            case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
            case MILLISECOND -> t.truncatedTo(ChronoUnit.MILLIS);
            case MICROSECOND -> t;
        };
        return back(v, r);
    }

    private static Object bucket(Object v, long width, long origin) {
        long micros = v instanceof Integer d ? d * DAY : (Long) v;
        BigDecimal offset = BigDecimal.valueOf(micros).subtract(BigDecimal.valueOf(origin));
        BigDecimal buckets = offset.divide(BigDecimal.valueOf(width), 0, RoundingMode.FLOOR);
        long r = buckets.multiply(BigDecimal.valueOf(width)).add(BigDecimal.valueOf(origin)).longValueExact();
        return v instanceof Integer ? (Object) (int) Math.floorDiv(r, DAY) : (Object) r;
    }

    private static Object diff(DateUnit unit, Object a, Object b) {
        LocalDateTime x = time(a);
        LocalDateTime y = time(b);
        try {
            return switch (unit) {
                case YEAR -> (long) (y.getYear() - x.getYear());
                case QUARTER -> (long) (y.getYear() * 4 + y.get(IsoFields.QUARTER_OF_YEAR)) - (x.getYear() * 4L + x.get(IsoFields.QUARTER_OF_YEAR));
                case MONTH -> (y.getYear() * 12L + y.getMonthValue()) - (x.getYear() * 12L + x.getMonthValue());
                case WEEK -> ChronoUnit.WEEKS.between(x.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        y.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
                case DAY -> ChronoUnit.DAYS.between(x.toLocalDate(), y.toLocalDate());
                case HOUR -> ChronoUnit.HOURS.between(x.truncatedTo(ChronoUnit.HOURS), y.truncatedTo(ChronoUnit.HOURS));
                case MINUTE -> ChronoUnit.MINUTES.between(x.truncatedTo(ChronoUnit.MINUTES), y.truncatedTo(ChronoUnit.MINUTES));
                case SECOND -> ChronoUnit.SECONDS.between(x.truncatedTo(ChronoUnit.SECONDS), y.truncatedTo(ChronoUnit.SECONDS));
                case MILLISECOND -> ChronoUnit.MILLIS.between(x.truncatedTo(ChronoUnit.MILLIS), y.truncatedTo(ChronoUnit.MILLIS));
                case MICROSECOND -> ChronoUnit.MICROS.between(x, y);
            };
        } catch (ArithmeticException e) {
            return ERROR;
        }
    }

    private static Object add(DateUnit unit, long n, Object v) {
        LocalDateTime t = time(v);
        try {
            LocalDateTime r = switch (unit) {
                case YEAR -> t.plusYears(n);
                case QUARTER -> t.plusMonths(Math.multiplyExact(n, 3));
                case MONTH -> t.plusMonths(n);
                case WEEK -> t.plusWeeks(n);
                case DAY -> t.plusDays(n);
                case HOUR -> t.plusHours(n);
                case MINUTE -> t.plusMinutes(n);
                case SECOND -> t.plusSeconds(n);
                case MILLISECOND -> t.plus(n, ChronoUnit.MILLIS);
                case MICROSECOND -> t.plus(n, ChronoUnit.MICROS);
            };
            return back(v, r);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return ERROR;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
