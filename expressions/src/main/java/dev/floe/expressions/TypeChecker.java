package dev.floe.expressions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves an expression against a schema: checks that every column exists and every operator gets
 * types it accepts, and makes the implicit conversions explicit, so that evaluation only ever sees
 * operands of one type.
 *
 * <pre>
 *  operator                 operands                                  result
 *  + - * %                  INT64, INT64                              INT64
 *  + - * %                  numeric, numeric (one FLOAT64)            FLOAT64 (the INT64 side is cast)
 *  /                        numeric, numeric                          FLOAT64 (both sides cast; 7 / 2 = 3.5)
 *  = <> < <= > >=           same type, or both numeric                BOOLEAN
 *                           TIMESTAMP/DATE and a VARCHAR literal      BOOLEAN (the literal is cast)
 *  AND OR NOT               BOOLEAN                                   BOOLEAN (SQL three-valued logic)
 *  IS [NOT] NULL            any                                       BOOLEAN
 *  unary -                  numeric                                   the same
 *  year() ... second()      TIMESTAMP (year/month/day also DATE)      INT64
 * </pre>
 *
 * <p>Errors are {@link PlanException}s that name the expression and the types, and suggest the nearest
 * column name for an unknown column.
 */
public final class TypeChecker {
    private TypeChecker() {
    }

    /** The type of a scalar (non-aggregate) expression over {@code schema}. */
    public static FloeType typeOf(Expr expr, Schema schema) {
        return typeOf(coerce(expr, schema), schema, false);
    }

    /** The type of an aggregate call over rows of {@code schema}. */
    public static FloeType aggregateType(AggregateCall call, Schema schema) {
        if (call.function() == AggregateFunction.COUNT_STAR) {
            return FloeType.INT64;
        }
        FloeType in = typeOf(call.input(), schema);
        return switch (call.function()) {
            case COUNT, COUNT_STAR -> FloeType.INT64;
            case SUM -> {
                requireNumeric(call, in);
                yield in;
            }
            case MEAN -> {
                requireNumeric(call, in);
                yield FloeType.FLOAT64;
            }
            case MIN, MAX -> in;
        };
    }

    /**
     * {@code expr} with its implicit conversions made explicit as {@link Cast}s; throws
     * {@link PlanException} if it does not type-check over {@code schema}.
     */
    public static Expr coerce(Expr expr, Schema schema) {
        if (expr instanceof Binary b) {
            Expr left = coerce(b.left(), schema);
            Expr right = coerce(b.right(), schema);
            FloeType lt = typeOf(left, schema, true);
            FloeType rt = typeOf(right, schema, true);
            BinaryOp op = b.op();
            if (op.isArithmetic() && lt.isNumeric() && rt.isNumeric()) {
                FloeType target = op == BinaryOp.DIV || lt == FloeType.FLOAT64 || rt == FloeType.FLOAT64
                        ? FloeType.FLOAT64 : FloeType.INT64;
                return new Binary(op, castTo(left, lt, target), castTo(right, rt, target));
            }
            if (op.isComparison()) {
                if (lt.isNumeric() && rt.isNumeric() && lt != rt) {
                    return new Binary(op, castTo(left, lt, FloeType.FLOAT64), castTo(right, rt, FloeType.FLOAT64));
                }
                if (lt.isTemporal() && rt == FloeType.STRING && right instanceof Literal) {
                    return new Binary(op, left, new Cast(right, lt));
                }
                if (rt.isTemporal() && lt == FloeType.STRING && left instanceof Literal) {
                    return new Binary(op, new Cast(left, rt), right);
                }
                if (lt == FloeType.TIMESTAMP && rt == FloeType.DATE) {
                    return new Binary(op, left, new Cast(right, lt));
                }
                if (lt == FloeType.DATE && rt == FloeType.TIMESTAMP) {
                    return new Binary(op, new Cast(left, rt), right);
                }
            }
            Expr result = new Binary(op, left, right);
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof Unary u) {
            Expr result = new Unary(u.op(), coerce(u.input(), schema));
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof DatePart d) {
            Expr result = new DatePart(d.unit(), coerce(d.input(), schema));
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof Cast c) {
            Expr result = new Cast(coerce(c.input(), schema), c.type());
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof Alias a) {
            return new Alias(coerce(a.input(), schema), a.name());
        }
        if (expr instanceof AggregateCall call) {
            throw new PlanException("aggregate " + call.toSql()
                    + " is not allowed here: aggregates belong in groupBy(...).agg(...) or a SELECT with GROUP BY");
        }
        typeOf(expr, schema, true);
        return expr;
    }

    /**
     * Whether {@code CAST(x AS to)} exists for an {@code x} of type {@code from}: any type to or from
     * VARCHAR, between BIGINT, DOUBLE and BOOLEAN, and between DATE and TIMESTAMP.
     */
    public static boolean canCast(FloeType from, FloeType to) {
        boolean scalarNumbers = (from.isNumeric() || from == FloeType.BOOLEAN) && (to.isNumeric() || to == FloeType.BOOLEAN);
        return from == to || from == FloeType.STRING || to == FloeType.STRING || scalarNumbers
                || (from.isTemporal() && to.isTemporal());
    }

    private static Expr castTo(Expr e, FloeType from, FloeType to) {
        if (from == to) {
            return e;
        }
        if (e instanceof Literal l && l.value() instanceof Long v && to == FloeType.FLOAT64) {
            return new Literal(v.doubleValue(), FloeType.FLOAT64);
        }
        return new Cast(e, to);
    }

    /** The type of an already-coerced expression. */
    private static FloeType typeOf(Expr expr, Schema schema, boolean coerced) {
        if (expr instanceof Column c) {
            int index = schema.indexOf(c.name());
            if (index < 0) {
                throw new PlanException(unknownColumn(c.name(), schema));
            }
            return schema.field(index).type();
        }
        if (expr instanceof Literal l) {
            return l.type();
        }
        if (expr instanceof Alias a) {
            return typeOf(a.input(), schema, coerced);
        }
        if (expr instanceof Cast c) {
            FloeType in = typeOf(c.input(), schema, coerced);
            if (!canCast(in, c.type())) {
                throw new PlanException("cannot cast " + in.sqlName() + " to " + c.type().sqlName() + " in " + c.toSql()
                        + "; casts go between numbers and BOOLEAN, between DATE and TIMESTAMP, and to or from VARCHAR");
            }
            return c.type();
        }
        if (expr instanceof DatePart d) {
            FloeType in = typeOf(d.input(), schema, coerced);
            boolean dateField = d.unit().ordinal() <= DatePart.Unit.DAY.ordinal();
            if (in == FloeType.TIMESTAMP || (in == FloeType.DATE && dateField)) {
                return FloeType.INT64;
            }
            throw new PlanException(d.unit().sqlName() + "() needs a TIMESTAMP" + (dateField ? " or DATE" : "")
                    + " but " + d.input().toSql() + " is " + in.sqlName() + " in " + d.toSql()
                    + (in == FloeType.STRING ? "; declare the column as a timestamp when reading it" : ""));
        }
        if (expr instanceof Unary u) {
            FloeType in = typeOf(u.input(), schema, coerced);
            return switch (u.op()) {
                case IS_NULL, IS_NOT_NULL -> FloeType.BOOLEAN;
                case NOT -> {
                    if (in != FloeType.BOOLEAN) {
                        throw mismatch(u, "NOT needs a BOOLEAN", in);
                    }
                    yield FloeType.BOOLEAN;
                }
                case NEGATE -> {
                    if (!in.isNumeric()) {
                        throw mismatch(u, "unary minus needs a number", in);
                    }
                    yield in;
                }
            };
        }
        if (expr instanceof Binary b) {
            FloeType lt = typeOf(b.left(), schema, coerced);
            FloeType rt = typeOf(b.right(), schema, coerced);
            BinaryOp op = b.op();
            if (op.isLogical()) {
                if (lt != FloeType.BOOLEAN || rt != FloeType.BOOLEAN) {
                    throw mismatch2(b, lt, rt);
                }
                return FloeType.BOOLEAN;
            }
            if (op.isComparison()) {
                if (lt != rt) {
                    throw mismatch2(b, lt, rt);
                }
                return FloeType.BOOLEAN;
            }
            if (lt != rt || !lt.isNumeric()) {
                throw mismatch2(b, lt, rt);
            }
            return lt;
        }
        if (expr instanceof AggregateCall call) {
            throw new PlanException("aggregate " + call.toSql() + " is not allowed here");
        }
        throw new IllegalStateException("unhandled expression " + expr.getClass().getName());
    }

    private static void requireNumeric(AggregateCall call, FloeType in) {
        if (!in.isNumeric()) {
            throw new PlanException(call.function().sqlName() + "() needs a number but " + call.input().toSql()
                    + " is " + in.sqlName() + " in " + call.toSql());
        }
    }

    private static PlanException mismatch(Expr e, String need, FloeType got) {
        return new PlanException(need + " but got " + got.sqlName() + " in " + e.toSql());
    }

    private static PlanException mismatch2(Binary b, FloeType lt, FloeType rt) {
        return new PlanException("operator " + b.op().symbol() + " cannot take " + lt.sqlName() + " and "
                + rt.sqlName() + " in " + b.toSql());
    }

    /** "column 'vlaue' not found; did you mean 'value'? Columns: ..." */
    public static String unknownColumn(String name, Schema schema) {
        List<String> names = new ArrayList<>(schema.names());
        String nearest = names.stream()
                .min(Comparator.comparingInt(n -> editDistance(n.toLowerCase(), name.toLowerCase())))
                .orElse(null);
        StringBuilder sb = new StringBuilder("column '").append(name).append("' not found");
        if (nearest != null && editDistance(nearest.toLowerCase(), name.toLowerCase()) <= Math.max(2, name.length() / 3)) {
            sb.append("; did you mean '").append(nearest).append("'?");
        }
        sb.append(" Columns: ").append(String.join(", ", names));
        return sb.toString();
    }

    /** Levenshtein distance. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
