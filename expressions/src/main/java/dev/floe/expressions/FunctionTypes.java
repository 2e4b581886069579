package dev.floe.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The types of {@link ScalarFunction} calls, for {@link TypeChecker}.
 *
 * <pre>
 *  function                          arguments                              result
 *  abs round floor ceil              numeric [, BIGINT digits]              the argument's type (a DECIMAL keeps its
 *                                                                          precision and scale; rounding past it
 *                                                                          is an overflow error)
 *  sqrt ln log10 exp pow             numeric (cast to DOUBLE)               DOUBLE
 *  coalesce nullif                   a common type                          that type (DECIMALs: see TypeChecker)
 *  lower upper trim ltrim rtrim      VARCHAR                                VARCHAR
 *  length                            VARCHAR                                BIGINT
 *  substring                         VARCHAR, BIGINT [, BIGINT]             VARCHAR
 *  concat                            any (cast to VARCHAR)                  VARCHAR
 *  replace lpad rpad                 VARCHAR, VARCHAR|BIGINT, VARCHAR       VARCHAR
 *  contains starts_with ends_with    VARCHAR, VARCHAR                       BOOLEAN
 *  regexp_matches                    VARCHAR, constant pattern              BOOLEAN
 *  regexp_extract                    VARCHAR, constant pattern [, group]    VARCHAR
 *  date_trunc                        unit literal, TIMESTAMP|DATE           the second argument's type
 *  time_bucket                       interval literal, TIMESTAMP|DATE [, TIMESTAMP origin]   the second's type
 *  date_diff                         unit literal, two TIMESTAMPs|DATEs     BIGINT
 *  date_add                          unit literal, BIGINT, TIMESTAMP|DATE   the third argument's type
 * </pre>
 */
final class FunctionTypes {
    private FunctionTypes() {
    }

    /** The call with its arguments (coerced, possibly untyped NULLs) typed and cast as the function needs. */
    static Expr coerce(FunctionCall call, List<Expr> args, Schema schema) {
        List<Expr> out = new ArrayList<>(args);
        ScalarFunction f = call.function();
        switch (f) {
            case ABS, FLOOR, CEIL -> numeric(call, out, 0, schema, false);
            case ROUND -> {
                numeric(call, out, 0, schema, false);
                if (out.size() > 1) {
                    require(call, out, 1, FloeType.INT64, schema);
                }
            }
            case SQRT, LN, LOG10, EXP -> numeric(call, out, 0, schema, true);
            case POW -> {
                numeric(call, out, 0, schema, true);
                numeric(call, out, 1, schema, true);
            }
            case COALESCE, NULLIF -> out = TypeChecker.castToCommon(out, schema, call);
            case LOWER, UPPER, TRIM, LTRIM, RTRIM, LENGTH, CONTAINS, STARTS_WITH, ENDS_WITH, REPLACE ->
                    requireAll(call, out, FloeType.STRING, schema);
            case SUBSTRING -> {
                require(call, out, 0, FloeType.STRING, schema);
                for (int i = 1; i < out.size(); i++) {
                    require(call, out, i, FloeType.INT64, schema);
                }
            }
            case LPAD, RPAD -> {
                require(call, out, 0, FloeType.STRING, schema);
                require(call, out, 1, FloeType.INT64, schema);
                require(call, out, 2, FloeType.STRING, schema);
            }
            case CONCAT -> {
                for (int i = 0; i < out.size(); i++) {
                    Expr a = TypeChecker.typed(out.get(i), FloeType.STRING);
                    out.set(i, TypeChecker.castTo(a, TypeChecker.typeOf(a, schema, true), FloeType.STRING));
                }
            }
            case REGEXP_MATCHES, REGEXP_EXTRACT -> {
                require(call, out, 0, FloeType.STRING, schema);
                int groups = regex(call, out.get(1)).matcher("").groupCount();
                if (out.size() > 2) {
                    if (!(out.get(2) instanceof Literal l && l.value() instanceof Long g) || g < 0 || g > groups) {
                        throw new PlanException("the group of regexp_extract must be a constant 0.." + groups
                                + " (the pattern's groups), not " + out.get(2).toSql() + " in " + call.toSql());
                    }
                }
            }
            case DATE_TRUNC -> {
                unit(call, out.get(0));
                temporal(call, out, 1, schema);
            }
            case TIME_BUCKET -> {
                interval(call, out.get(0));
                temporal(call, out, 1, schema);
                if (out.size() > 2) {
                    Expr origin = TypeChecker.typed(out.get(2), FloeType.TIMESTAMP);
                    FloeType ot = TypeChecker.typeOf(origin, schema, true);
                    if (!ExprTrees.columns(origin).isEmpty() || !(ot.isTemporal() || (ot == FloeType.STRING && origin instanceof Literal))) {
                        throw new PlanException("the origin of time_bucket must be a TIMESTAMP constant, not "
                                + origin.toSql() + " in " + call.toSql());
                    }
                    out.set(2, ot == FloeType.TIMESTAMP ? origin : new Cast(origin, FloeType.TIMESTAMP));
                }
            }
            case DATE_DIFF -> {
                unit(call, out.get(0));
                List<Expr> pair = TypeChecker.castToCommon(out.subList(1, 3), schema, call);
                FloeType t = TypeChecker.typeOf(pair.get(0), schema, true);
                if (!t.isTemporal()) {
                    throw new PlanException("date_diff needs two TIMESTAMPs or DATEs but got " + t.sqlName() + " in " + call.toSql());
                }
                out.set(1, pair.get(0));
                out.set(2, pair.get(1));
            }
            case DATE_ADD -> {
                DateUnit u = unit(call, out.get(0));
                require(call, out, 1, FloeType.INT64, schema);
                FloeType t = temporal(call, out, 2, schema);
                if (t == FloeType.DATE && u.isTimeOfDay()) {
                    throw new PlanException("date_add of " + u.sqlName() + "s needs a TIMESTAMP, but " + out.get(2).toSql()
                            + " is a DATE in " + call.toSql() + "; cast it to TIMESTAMP");
                }
            }
            default -> throw new IllegalStateException("unhandled function " + f);
        }
        return new FunctionCall(f, out);
    }

    /**
     * round, floor and ceil of {@code in}: the same type for BIGINT and DOUBLE; for DECIMAL(p,s) DuckDB's types,
     * which have room for a carry (round(9.5) is 10 in DECIMAL(2,0)): floor and ceil DECIMAL(p,0); round(x, d)
     * DECIMAL(p, d) for a constant 0 <= d < s, DECIMAL(p,0) for d < 0, DECIMAL(p,s) for d >= s, and
     * DECIMAL(p+1, s) (capped at 38) when d is not a constant.
     */
    private static FloeType rounded(FunctionCall call, FloeType in) {
        if (!in.isDecimal()) {
            return in;
        }
        if (call.function() != ScalarFunction.ROUND) {
            return FloeType.decimal(in.precision(), 0);
        }
        if (call.args().size() < 2) {
            return FloeType.decimal(in.precision(), 0);
        }
        if (call.args().get(1) instanceof Literal d && d.value() instanceof Long digits) {
            return FloeType.decimal(in.precision(), (int) Math.max(0, Math.min(in.scale(), digits)));
        }
        return FloeType.decimal(Math.min(FloeType.MAX_DECIMAL_PRECISION, in.precision() + 1), in.scale());
    }

    /** The result type of a call whose arguments are already coerced. */
    static FloeType resultType(FunctionCall call, List<FloeType> types) {
        return switch (call.function()) {
            case ABS, COALESCE, NULLIF -> types.get(0);
            case ROUND, FLOOR, CEIL -> rounded(call, types.get(0));
            case SQRT, LN, LOG10, EXP, POW -> FloeType.FLOAT64;
            case LOWER, UPPER, TRIM, LTRIM, RTRIM, SUBSTRING, CONCAT, REPLACE, LPAD, RPAD, REGEXP_EXTRACT -> FloeType.STRING;
            case LENGTH, DATE_DIFF -> FloeType.INT64;
            case CONTAINS, STARTS_WITH, ENDS_WITH, REGEXP_MATCHES -> FloeType.BOOLEAN;
            case DATE_TRUNC, TIME_BUCKET -> types.get(1);
            case DATE_ADD -> types.get(2);
        };
    }

    private static void numeric(FunctionCall call, List<Expr> args, int i, Schema schema, boolean toDouble) {
        Expr a = TypeChecker.typed(args.get(i), toDouble ? FloeType.FLOAT64 : NullLiteral.DEFAULT_TYPE);
        FloeType t = TypeChecker.typeOf(a, schema, true);
        if (!t.isNumeric()) {
            throw argument(call, i, "a number", t);
        }
        args.set(i, toDouble ? TypeChecker.castTo(a, t, FloeType.FLOAT64) : a);
    }

    private static void require(FunctionCall call, List<Expr> args, int i, FloeType type, Schema schema) {
        Expr a = TypeChecker.typed(args.get(i), type);
        FloeType t = TypeChecker.typeOf(a, schema, true);
        if (t != type) {
            throw argument(call, i, "a " + type.sqlName(), t);
        }
        args.set(i, a);
    }

    private static void requireAll(FunctionCall call, List<Expr> args, FloeType type, Schema schema) {
        for (int i = 0; i < args.size(); i++) {
            require(call, args, i, type, schema);
        }
    }

    private static FloeType temporal(FunctionCall call, List<Expr> args, int i, Schema schema) {
        Expr a = TypeChecker.typed(args.get(i), FloeType.TIMESTAMP);
        FloeType t = TypeChecker.typeOf(a, schema, true);
        if (!t.isTemporal()) {
            throw argument(call, i, "a TIMESTAMP or DATE", t);
        }
        args.set(i, a);
        return t;
    }

    private static PlanException argument(FunctionCall call, int i, String need, FloeType got) {
        return new PlanException(call.function().sqlName() + "() needs " + need + " as argument " + (i + 1) + " but "
                + call.arg(i).toSql() + " is " + got.sqlName() + " in " + call.toSql());
    }

    /** The unit of a date_trunc/date_diff/date_add: a VARCHAR literal naming a {@link DateUnit}. */
    static DateUnit unit(FunctionCall call, Expr arg) {
        DateUnit u = arg instanceof Literal l && l.value() instanceof String s ? DateUnit.lookup(s) : null;
        if (u == null) {
            throw new PlanException(call.function().sqlName() + "() needs a unit such as 'hour' as its first argument, not "
                    + arg.toSql() + " in " + call.toSql() + "; units: "
                    + java.util.Arrays.stream(DateUnit.values()).map(DateUnit::sqlName).toList());
        }
        return u;
    }

    static long interval(FunctionCall call, Expr arg) {
        if (arg instanceof Literal l && l.value() instanceof String s) {
            try {
                return Intervals.parseMicros(s);
            } catch (IllegalArgumentException e) {
                throw new PlanException(e.getMessage() + " in " + call.toSql(), e);
            }
        }
        throw new PlanException("time_bucket() needs an interval such as '15 minutes' as its first argument, not "
                + arg.toSql() + " in " + call.toSql());
    }

    static Pattern regex(FunctionCall call, Expr arg) {
        if (!(arg instanceof Literal l && l.value() instanceof String s)) {
            throw new PlanException(call.function().sqlName() + "() needs a constant pattern, not " + arg.toSql()
                    + " in " + call.toSql());
        }
        try {
            return Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            throw new PlanException("bad regular expression '" + s + "' in " + call.toSql() + ": " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
    }
}
