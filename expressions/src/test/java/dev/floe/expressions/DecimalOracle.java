package dev.floe.expressions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The reference for DECIMAL expressions: evaluates a coerced expression on one row with java.math.BigDecimal,
 * by the rules of COMMON semantics (DuckDB's), independently of the kernels. Nodes that involve no DECIMAL
 * are handed to {@link Oracle}.
 */
final class DecimalOracle {
    private DecimalOracle() {
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
            return cast(eval(c.input(), schema, columns, row), TypeChecker.typeOf(c.input(), schema), c.type(), false);
        }
        if (e instanceof TryCast c) {
            return cast(eval(c.input(), schema, columns, row), TypeChecker.typeOf(c.input(), schema), c.type(), true);
        }
        if (e instanceof Unary u) {
            Object v = eval(u.input(), schema, columns, row);
            if (v == Oracle.ERROR) {
                return v;
            }
            return switch (u.op()) {
                case IS_NULL -> v == null;
                case IS_NOT_NULL -> v != null;
                case NOT -> v == null ? null : !(Boolean) v;
                case NEGATE -> v == null ? null : ((BigDecimal) v).negate();
            };
        }
        if (e instanceof Between b) {
            Object x = eval(b.input(), schema, columns, row);
            Object lo = eval(b.low(), schema, columns, row);
            Object hi = eval(b.high(), schema, columns, row);
            return Oracle.logic(BinaryOp.AND, compare(BinaryOp.GE, x, lo), compare(BinaryOp.LE, x, hi));
        }
        if (e instanceof InList in) {
            Object x = eval(in.input(), schema, columns, row);
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            for (Expr v : in.values()) {
                Object y = eval(v, schema, columns, row);
                if (y == null) {
                    sawNull = true;
                } else if (Boolean.TRUE.equals(compare(BinaryOp.EQ, x, y))) {
                    return true;
                }
            }
            return sawNull ? null : false;
        }
        if (e instanceof Case c) {
            Object error = null;
            Object chosen = null;
            boolean found = false;
            for (Case.When w : c.branches()) {   // every branch is evaluated, as the kernel does
                Object cond = eval(w.condition(), schema, columns, row);
                Object result = eval(w.result(), schema, columns, row);
                error = cond == Oracle.ERROR || result == Oracle.ERROR ? Oracle.ERROR : error;
                if (!found && Boolean.TRUE.equals(cond)) {
                    chosen = result;
                    found = true;
                }
            }
            Object otherwise = c.otherwise() == null ? null : eval(c.otherwise(), schema, columns, row);
            error = otherwise == Oracle.ERROR ? Oracle.ERROR : error;
            return error != null ? error : found ? chosen : otherwise;
        }
        if (e instanceof FunctionCall f) {
            return function(f, schema, columns, row);
        }
        if (e instanceof Binary b) {
            Object l = eval(b.left(), schema, columns, row);
            Object r = eval(b.right(), schema, columns, row);
            if (l == Oracle.ERROR || r == Oracle.ERROR) {
                return Oracle.ERROR;
            }
            if (b.op().isLogical()) {
                return Oracle.logic(b.op(), (Boolean) l, (Boolean) r);
            }
            if (b.op().isComparison()) {
                return compare(b.op(), l, r);
            }
            if (l == null || r == null) {
                return null;
            }
            if (l instanceof BigDecimal x) {
                BigDecimal y = (BigDecimal) r;
                FloeType type = TypeChecker.typeOf(b, schema);
                if (b.op() == BinaryOp.MOD && y.signum() == 0) {
                    return null;   // x % 0 is NULL
                }
                BigDecimal exact = switch (b.op()) {
                    case MOD -> x.remainder(y);
                    case ADD -> x.add(y);
                    case SUB -> x.subtract(y);
                    case MUL -> x.multiply(y);
                    default -> throw new IllegalArgumentException(b.toSql());
                };
                return fit(exact.setScale(type.scale(), RoundingMode.UNNECESSARY), type);
            }
            if (l instanceof Double x) {
                double y = (Double) r;
                return switch (b.op()) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> y == 0 ? null : x / y;
                    default -> throw new IllegalArgumentException(b.toSql());
                };
            }
        }
        return Oracle.eval(e, schema, columns, row);
    }

    private static Object function(FunctionCall f, Schema schema, Map<String, Object[]> columns, int row) {
        List<Expr> args = f.args();
        if (f.function() == ScalarFunction.COALESCE) {
            for (Expr a : args) {
                Object v = eval(a, schema, columns, row);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        Object v = eval(args.get(0), schema, columns, row);
        if (f.function() == ScalarFunction.NULLIF) {
            Object w = eval(args.get(1), schema, columns, row);
            return v != null && w != null && Boolean.TRUE.equals(compare(BinaryOp.EQ, v, w)) ? null : v;
        }
        if (!(v instanceof BigDecimal x)) {
            return v == null ? null : Oracle.eval(f, schema, columns, row);
        }
        FloeType type = TypeChecker.typeOf(f, schema);
        int s = type.scale();
        return switch (f.function()) {
            case ABS -> x.abs();
            case FLOOR -> fit(x.setScale(0, RoundingMode.FLOOR).setScale(s), type);
            case CEIL -> fit(x.setScale(0, RoundingMode.CEILING).setScale(s), type);
            case ROUND -> {
                Object d = args.size() > 1 ? eval(args.get(1), schema, columns, row) : (Object) 0L;
                yield d == null ? null : fit(x.setScale((int) (long) (Long) d, RoundingMode.HALF_UP).setScale(s), type);
            }
            default -> throw new IllegalArgumentException(f.toSql());
        };
    }

    /** {@code v} if it has at most the type's digits, else ERROR. */
    static Object fit(BigDecimal v, FloeType type) {
        return v.unscaledValue().abs().compareTo(BigInteger.TEN.pow(type.precision())) < 0 ? v : Oracle.ERROR;
    }

    private static Boolean compare(BinaryOp op, Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        int c = l instanceof BigDecimal x ? Integer.signum(x.compareTo((BigDecimal) r)) : Oracle.compare(l, r);
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    static Object cast(Object v, FloeType from, FloeType to, boolean lenient) {
        if (v == Oracle.ERROR) {
            return v;
        }
        if (v == null || from == to) {
            return v;
        }
        Object r = castStrict(v, from, to);
        return r == Oracle.ERROR && lenient ? null : r;
    }

    private static Object castStrict(Object v, FloeType from, FloeType to) {
        if (to.isDecimal()) {
            BigDecimal exact;
            if (v instanceof Long x) {
                exact = BigDecimal.valueOf(x);
            } else if (v instanceof Double d) {
                if (!Double.isFinite(d)) {
                    return Oracle.ERROR;
                }
                exact = new BigDecimal(Values.formatDouble(d));
            } else if (v instanceof String s) {
                try {
                    exact = new BigDecimal(s.strip());
                } catch (NumberFormatException e) {
                    return Oracle.ERROR;
                }
            } else {
                exact = (BigDecimal) v;
            }
            return fit(exact.setScale(to.scale(), RoundingMode.HALF_UP), to);
        }
        if (v instanceof BigDecimal x) {
            return switch (to.kind()) {
                case FLOAT64 -> x.doubleValue();
                case STRING -> x.toPlainString();
                case INT64 -> {
                    BigInteger i = x.setScale(0, RoundingMode.HALF_UP).unscaledValue();
                    yield i.bitLength() > 63 ? Oracle.ERROR : (Object) i.longValue();
                }
                default -> throw new IllegalArgumentException("no oracle cast from " + from + " to " + to);
            };
        }
        return Oracle.cast(v, from, to);
    }
}
