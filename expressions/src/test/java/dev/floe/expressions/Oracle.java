package dev.floe.expressions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * The reference: evaluates an expression on one row of boxed values, by the book, with java.time for the
 * calendar. Casts to and from VARCHAR are tested separately (CastTest).
 */
final class Oracle {
    /** What an evaluation that must fail returns. */
    static final Object ERROR = new Object() {
        @Override
        public String toString() {
            return "ERROR";
        }
    };

    private Oracle() {
    }

    static Object eval(Expr e, Schema schema, Map<String, Object[]> columns, int row) {
        if (e instanceof Column c) {
            return columns.get(c.name())[row];
        }
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof Alias a) {
            return eval(a.input(), schema, columns, row);
        }
        if (e instanceof Cast c) {
            return cast(eval(c.input(), schema, columns, row), TypeChecker.typeOf(c.input(), schema), c.type());
        }
        if (e instanceof Unary u) {
            Object v = eval(u.input(), schema, columns, row);
            return switch (u.op()) {
                case IS_NULL -> v == null;
                case IS_NOT_NULL -> v != null;
                case NOT -> v == null ? null : !(Boolean) v;
                case NEGATE -> v == null ? null : v instanceof Long x
                        ? (x == Long.MIN_VALUE ? ERROR : (Object) (-x)) : (Object) (-(Double) v);
            };
        }
        if (e instanceof DatePart d) {
            Object v = eval(d.input(), schema, columns, row);
            return v == null ? null : datePart(d.unit(), v);
        }
        if (!(e instanceof Binary)) {
            return FunctionOracle.eval(e, schema, columns, row);
        }
        Binary b = (Binary) e;
        Object l = eval(b.left(), schema, columns, row);
        Object r = eval(b.right(), schema, columns, row);
        if (b.op().isLogical()) {
            return logic(b.op(), (Boolean) l, (Boolean) r);
        }
        if (l == null || r == null) {
            return null;
        }
        if (b.op().isComparison()) {
            int c = compare(l, r);
            return switch (b.op()) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
        }
        if (b.op() == BinaryOp.CONCAT) {
            return (String) l + r;
        }
        return l instanceof Long x ? arithmetic(b.op(), x, (Long) r) : arithmetic(b.op(), (Double) l, (Double) r);
    }

    static Boolean logic(BinaryOp op, Boolean l, Boolean r) {
        if (op == BinaryOp.AND) {
            if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }
        if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
            return true;
        }
        return l == null || r == null ? null : false;
    }

    private static Object arithmetic(BinaryOp op, long x, long y) {
        try {
            return switch (op) {
                case ADD -> Math.addExact(x, y);
                case SUB -> Math.subtractExact(x, y);
                case MUL -> Math.multiplyExact(x, y);
                case MOD -> y == 0 ? null : x % y;
                case INT_DIV -> y == 0 ? null : x == Long.MIN_VALUE && y == -1 ? ERROR
                        : java.math.BigInteger.valueOf(x).subtract(java.math.BigInteger.valueOf(Math.floorMod(x, y)))
                                .divide(java.math.BigInteger.valueOf(y)).longValueExact();
                default -> throw new IllegalArgumentException(op.name());
            };
        } catch (ArithmeticException e) {
            return ERROR;
        }
    }

    private static Object arithmetic(BinaryOp op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> y == 0 ? null : x / y;
            case MOD -> y == 0 ? null : x % y;
            case INT_DIV -> y == 0 ? null : Math.floor(x / y);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    static int compare(Object l, Object r) {
        if (l instanceof String x) {
            return Integer.signum(Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                    ((String) r).getBytes(StandardCharsets.UTF_8)));
        }
        if (l instanceof Double x) {
            double y = (Double) r;
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return Double.compare(x + 0.0, y + 0.0);   // + 0.0 turns -0.0 into 0.0
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> c = (Comparable<Object>) l;
        return Integer.signum(c.compareTo(r));
    }

    private static Object datePart(DatePart.Unit unit, Object v) {
        LocalDateTime t;
        if (v instanceof Integer days) {
            t = LocalDate.ofEpochDay(days).atStartOfDay();
        } else {
            long micros = (Long) v;
            t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        }
        return (long) switch (unit) {
            case YEAR -> t.getYear();
            case MONTH -> t.getMonthValue();
            case DAY -> t.getDayOfMonth();
            case HOUR -> t.getHour();
            case MINUTE -> t.getMinute();
            case SECOND -> t.getSecond();
            case QUARTER -> t.get(java.time.temporal.IsoFields.QUARTER_OF_YEAR);
            case DAY_OF_WEEK -> t.getDayOfWeek().getValue() - 1;
            case DAYOFWEEK -> t.getDayOfWeek().getValue() % 7;
            case ISODOW -> t.getDayOfWeek().getValue();
            case DAY_OF_YEAR -> t.getDayOfYear();
            case WEEK_OF_YEAR -> t.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        };
    }

    static Object cast(Object v, FloeType from, FloeType to) {
        if (v == null || from == to) {
            return v;
        }
        if (to == FloeType.STRING) {
            return Values.format(from, v);   // FormatKernel against Values.format: CastTest
        }
        if (from == FloeType.STRING && to.isTemporal()) {   // only the ISO literals the tests write
            LocalDateTime t = ((String) v).length() == 10 ? LocalDate.parse((String) v).atStartOfDay()
                    : LocalDateTime.parse(((String) v).replace(' ', 'T'));
            return to == FloeType.DATE ? (Object) (int) t.toLocalDate().toEpochDay()
                    : (Object) (t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000);
        }
        if (from == FloeType.INT64 && to == FloeType.FLOAT64) {
            return ((Long) v).doubleValue();
        }
        if (from == FloeType.FLOAT64 && to == FloeType.INT64) {
            double d = (Double) v;
            if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) >= 0x1p63) {
                return ERROR;
            }
            return new java.math.BigDecimal(d).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
        if (from == FloeType.BOOLEAN) {
            return to == FloeType.INT64 ? (Object) ((Boolean) v ? 1L : 0L) : (Object) ((Boolean) v ? 1.0 : 0.0);
        }
        if (to == FloeType.BOOLEAN) {
            return ((Number) v).doubleValue() != 0;
        }
        if (from == FloeType.DATE) {
            return LocalDate.ofEpochDay((Integer) v).toEpochDay() * 86_400_000_000L;
        }
        if (from == FloeType.TIMESTAMP) {
            return (int) Math.floorDiv((Long) v, 86_400_000_000L);
        }
        throw new IllegalArgumentException("the oracle has no cast from " + from + " to " + to);
    }
}
