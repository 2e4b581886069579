package dev.floe.expressions;

import dev.floe.expressions.eval.Decimals;
import java.math.BigDecimal;
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
 *  + - * %                  numeric, numeric (one FLOAT64)            FLOAT64 (the other side is cast)
 *  + -                      DECIMAL(p1,s1), DECIMAL(p2,s2)            DECIMAL(max(s1,s2) + max(p1-s1,p2-s2) + 1, max(s1,s2))
 *  *                        DECIMAL(p1,s1), DECIMAL(p2,s2)            DECIMAL(p1+p2, s1+s2); precision capped at 38,
 *                           (a BIGINT operand is cast to DECIMAL(19,0)) a scale above 38 is an error
 *  % //                     DECIMAL                                   an error: cast to DOUBLE or BIGINT
 *  /                        numeric, numeric                          FLOAT64 (both sides cast; 7 / 2 = 3.5)
 *  = <> < <= > >=           same type, or both numeric                BOOLEAN; BIGINT and DOUBLE compare as DOUBLE,
 *                                                                     DECIMAL and DOUBLE as DOUBLE, DECIMAL and BIGINT
 *                                                                     as DECIMALs (a BIGINT column as DECIMAL(19,0), a
 *                                                                     literal as the DECIMAL of its digits); DECIMALs
 *                                                                     of different scales compare exactly, uncast
 *                           TIMESTAMP/DATE and a VARCHAR literal      BOOLEAN (the literal is cast)
 *  AND OR NOT               BOOLEAN                                   BOOLEAN (SQL three-valued logic)
 *  IS [NOT] NULL            any                                       BOOLEAN
 *  unary -                  numeric                                   the same
 *  CAST, TRY_CAST           between BIGINT, DOUBLE, DECIMAL(p,s) and VARCHAR (to DECIMAL: rounded half away from
 *                           zero to the scale, too many digits an error / NULL); BOOLEAN to and from BIGINT, DOUBLE
 *  //                       BIGINT, BIGINT / numeric                  BIGINT floor division / DOUBLE floor(x / y)
 *  ||                       any, any (cast to VARCHAR)                VARCHAR
 *  ts - ts, date - date     TIMESTAMP / DATE                          BIGINT: date_diff('microsecond' / 'day', b, a)
 *  BETWEEN, IN, CASE,       values of a common type: BIGINT+DOUBLE    BOOLEAN (CASE, coalesce, nullif: the common
 *  coalesce, nullif         -> DOUBLE, DATE+TIMESTAMP -> TIMESTAMP,   type); VARCHAR literals follow a DATE/TIMESTAMP.
 *                           DECIMALs (and BIGINT as DECIMAL(19,0)) ->  BETWEEN and IN over DECIMALs and BIGINTs keep
 *                           DECIMAL(max integer digits + max scale,   each operand's type and compare exactly
 *                           max scale), capped at 38 digits
 *  LIKE, ILIKE              VARCHAR                                   BOOLEAN
 *  year() ... second()      TIMESTAMP (all but hour/minute/second     INT64
 *                           also DATE)
 *  functions                see {@link ScalarFunction} and FunctionTypes
 *  NULL (untyped)           takes the type its context needs (the other operand's); BIGINT with no context
 * </pre>
 *
 * <p>Errors are {@link PlanException}s that name the expression and the types, and suggest the nearest
 * column name for an unknown column.
 */
public final class TypeChecker {
    private TypeChecker() {
    }

    /** The type of a scalar (non-aggregate) expression over {@code schema}. */
    /** The result type of {@code call} given its (coerced) argument types: what its kernel produces. */
    public static FloeType functionType(FunctionCall call, List<FloeType> argumentTypes) {
        return FunctionTypes.resultType(call, argumentTypes);
    }

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
                // DuckDB: the sum of DECIMAL(p,s) is DECIMAL(38,s), exact
                yield in.isDecimal() ? FloeType.decimal(FloeType.MAX_DECIMAL_PRECISION, in.scale()) : in;
            }
            case MEAN -> {
                requireNumeric(call, in);
                yield FloeType.FLOAT64;
            }
            case MIN, MAX, FIRST, LAST -> in;
            case STDDEV, VARIANCE -> {
                requireNumeric(call, in);
                yield FloeType.FLOAT64;
            }
            case NUNIQUE -> FloeType.INT64;
            case CUSTOM -> call.custom().resultType();
        };
    }

    /**
     * {@code expr} with its implicit conversions made explicit as {@link Cast}s, untyped NULLs typed, and
     * {@code ts - ts} written as the date_diff it means; throws {@link PlanException} if it does not
     * type-check over {@code schema}.
     */
    public static Expr coerce(Expr expr, Schema schema) {
        return typed(coerceNode(expr, schema), NullLiteral.DEFAULT_TYPE);
    }

    /** Coerces one node whose children may still be untyped NULLs (those are typed by their parent here). */
    private static Expr coerceNode(Expr expr, Schema schema) {
        if (expr instanceof Binary b) {
            return coerceBinary(b, schema);
        }
        if (expr instanceof Unary u) {
            Expr in = coerceNode(u.input(), schema);
            Expr result = new Unary(u.op(), typed(in, u.op() == UnaryOp.NOT ? FloeType.BOOLEAN : NullLiteral.DEFAULT_TYPE));
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof DatePart d) {
            Expr result = new DatePart(d.unit(), typed(coerceNode(d.input(), schema), FloeType.TIMESTAMP));
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof Cast c) {
            Expr result = new Cast(typed(coerceNode(c.input(), schema), c.type()), c.type());
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof TryCast c) {
            Expr result = new TryCast(typed(coerceNode(c.input(), schema), c.type()), c.type());
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof Alias a) {
            return new Alias(coerceNode(a.input(), schema), a.name());
        }
        if (expr instanceof AggregateCall call) {
            throw new PlanException("aggregate " + call.toSql()
                    + " is not allowed here: aggregates belong in groupBy(...).agg(...) or a SELECT with GROUP BY");
        }
        if (expr instanceof FunctionCall f) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : f.args()) {
                args.add(coerceNode(a, schema));
            }
            Expr result = FunctionTypes.coerce(f, args, schema);
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof Between b) {
            List<Expr> parts = coerceAll(List.of(b.input(), b.low(), b.high()), schema);
            List<Expr> decimals = asDecimals(parts, schema);
            List<Expr> cast = decimals != null ? decimals : castToCommon(parts, schema, b);
            Expr result = new Between(cast.get(0), cast.get(1), cast.get(2));
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof InList in) {
            List<Expr> parts = new ArrayList<>();
            parts.add(in.input());
            parts.addAll(in.values());
            parts = coerceAll(parts, schema);
            for (Expr v : parts.subList(1, parts.size())) {
                if (!ExprTrees.columns(v).isEmpty()) {
                    throw new PlanException("the values of IN must be constants, but " + v.toSql() + " reads a column in "
                            + in.toSql() + "; use OR of comparisons, or a join");
                }
            }
            List<Expr> decimals = asDecimals(parts, schema);
            List<Expr> cast = decimals != null ? decimals : castToCommon(parts, schema, in);
            Expr result = new InList(cast.get(0), cast.subList(1, cast.size()));
            typeOf(result, schema, true);
            return result;
        }
        if (expr instanceof Case c) {
            return coerceCase(c, schema);
        }
        if (expr instanceof Like l) {
            Expr in = typed(coerceNode(l.input(), schema), FloeType.STRING);
            Expr result = new Like(in, l.pattern(), l.escape(), l.caseInsensitive());
            typeOf(result, schema, true);
            try {
                dev.floe.expressions.eval.LikePattern.compile(l.pattern(), l.escape(), l.caseInsensitive());
            } catch (IllegalArgumentException e) {
                throw new PlanException(e.getMessage() + " in " + l.toSql(), e);
            }
            return result;
        }
        if (expr instanceof NullLiteral) {
            return expr;
        }
        typeOf(expr, schema, true);
        return expr;
    }

    private static Expr coerceBinary(Binary b, Schema schema) {
        BinaryOp op = b.op();
        Expr left = coerceNode(b.left(), schema);
        Expr right = coerceNode(b.right(), schema);
        FloeType lt = typeOrNull(left, schema);
        FloeType rt = typeOrNull(right, schema);
        if (op.isLogical()) {
            left = typed(left, FloeType.BOOLEAN);
            right = typed(right, FloeType.BOOLEAN);
        } else if (op == BinaryOp.CONCAT) {
            left = castTo(typed(left, FloeType.STRING), lt == null ? FloeType.STRING : lt, FloeType.STRING);
            right = castTo(typed(right, FloeType.STRING), rt == null ? FloeType.STRING : rt, FloeType.STRING);
        } else {
            FloeType fallback = lt != null ? lt : rt != null ? rt : NullLiteral.DEFAULT_TYPE;
            left = typed(left, rt != null ? rt : fallback);
            right = typed(right, lt != null ? lt : fallback);
        }
        lt = typeOf(left, schema, true);
        rt = typeOf(right, schema, true);
        boolean exactDecimal = op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.MOD;
        if (exactDecimal && decimalMix(lt, rt)) {
            Expr result = new Binary(op, asDecimalOperand(left, lt), asDecimalOperand(right, rt));
            typeOf(result, schema, true);
            return result;
        }
        if (op.isArithmetic() && lt.isNumeric() && rt.isNumeric()) {
            // / and, with a DECIMAL, // are DOUBLE (as in DuckDB)
            FloeType target = op == BinaryOp.DIV || lt == FloeType.FLOAT64 || rt == FloeType.FLOAT64
                    || lt.isDecimal() || rt.isDecimal() ? FloeType.FLOAT64 : FloeType.INT64;
            return new Binary(op, castTo(left, lt, target), castTo(right, rt, target));
        }
        if (op == BinaryOp.SUB && lt.isTemporal() && rt.isTemporal()) {
            if (lt == FloeType.DATE && rt == FloeType.DATE) {
                return new FunctionCall(ScalarFunction.DATE_DIFF, new Literal("day", FloeType.STRING), right, left);
            }
            return new FunctionCall(ScalarFunction.DATE_DIFF, new Literal("microsecond", FloeType.STRING),
                    castTo(right, rt, FloeType.TIMESTAMP), castTo(left, lt, FloeType.TIMESTAMP));
        }
        if (op.isComparison()) {
            if (decimalMix(lt, rt)) {
                return new Binary(op, asDecimalOperand(left, lt), asDecimalOperand(right, rt));
            }
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

    private static Expr coerceCase(Case c, Schema schema) {
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        for (Case.When w : c.branches()) {
            Expr condition = c.operand() == null ? w.condition() : new Binary(BinaryOp.EQ, c.operand(), w.condition());
            Expr coerced = typed(coerceNode(condition, schema), FloeType.BOOLEAN);
            FloeType ct = typeOf(coerced, schema, true);
            if (ct != FloeType.BOOLEAN) {
                throw new PlanException("the condition of WHEN must be BOOLEAN but " + w.condition().toSql() + " is "
                        + ct.sqlName() + " in " + c.toSql());
            }
            conditions.add(coerced);
            results.add(coerceNode(w.result(), schema));
        }
        if (c.otherwise() != null) {
            results.add(coerceNode(c.otherwise(), schema));
        }
        List<Expr> cast = castToCommon(results, schema, c);
        List<Case.When> branches = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            branches.add(new Case.When(conditions.get(i), cast.get(i)));
        }
        Expr result = new Case(null, branches, c.otherwise() == null ? null : cast.get(cast.size() - 1));
        typeOf(result, schema, true);
        return result;
    }

    private static List<Expr> coerceAll(List<Expr> exprs, Schema schema) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : exprs) {
            out.add(coerceNode(e, schema));
        }
        return out;
    }

    /**
     * {@code exprs} cast to their common type ({@link #commonType}); untyped NULLs get it too, and VARCHAR
     * literals become dates or timestamps when the others are.
     */
    static List<Expr> castToCommon(List<Expr> exprs, Schema schema, Expr context) {
        FloeType common = commonType(exprs, schema, context);
        List<Expr> out = new ArrayList<>();
        for (Expr e : exprs) {
            Expr t = typed(e, common);
            out.add(castTo(t, typeOf(t, schema, true), common));
        }
        return out;
    }

    /**
     * The type values of several types are compared or chosen in: their type if they have one, DOUBLE
     * for BIGINT and DOUBLE, TIMESTAMP for DATE and TIMESTAMP; VARCHAR literals follow a DATE or TIMESTAMP;
     * untyped NULLs follow the rest (all NULL: BIGINT). Anything else is a PlanException naming {@code context}.
     */
    static FloeType commonType(List<Expr> exprs, Schema schema, Expr context) {
        FloeType common = null;
        boolean stringLiterals = false;
        int integerLiteralDigits = 0;   // BIGINT literals meet DECIMALs as the DECIMAL of their digits
        for (Expr e : exprs) {
            FloeType t = typeOrNull(e, schema);
            if (t == null) {
                continue;
            }
            if (t == FloeType.STRING && e instanceof Literal) {
                stringLiterals = true;
                continue;
            }
            if (t == FloeType.INT64 && e instanceof Literal l && l.value() instanceof Long v) {
                integerLiteralDigits = Math.max(integerLiteralDigits, FloeType.decimalOf(BigDecimal.valueOf(v)).precision());
                continue;
            }
            common = common == null ? t : unify(common, t, context);
        }
        if (integerLiteralDigits > 0) {
            FloeType literals = common != null && common.isDecimal() ? FloeType.decimal(integerLiteralDigits, 0)
                    : FloeType.INT64;
            common = common == null ? literals : unify(common, literals, context);
        }
        if (stringLiterals) {
            common = common == null || common.isTemporal() ? (common == null ? FloeType.STRING : common)
                    : unify(common, FloeType.STRING, context);
        }
        return common == null ? NullLiteral.DEFAULT_TYPE : common;
    }

    private static FloeType unify(FloeType a, FloeType b, Expr context) {
        FloeType common = supertype(a, b);
        if (common == null) {
            throw new PlanException("cannot mix " + a.sqlName() + " and " + b.sqlName() + " in " + context.toSql()
                    + "; cast one side");
        }
        return common;
    }

    /**
     * The type values of {@code a} and {@code b} are both cast to where they meet (CASE, COALESCE, UNION ALL,
     * join keys), or null when there is none: one type is itself; DECIMAL with DECIMAL or BIGINT the
     * {@link #decimalSupertype}; DOUBLE with any number DOUBLE; DATE with TIMESTAMP TIMESTAMP.
     */
    public static FloeType supertype(FloeType a, FloeType b) {
        if (a == b) {
            return a;
        }
        if (decimalMix(a, b)) {
            return decimalSupertype(asDecimal(a), asDecimal(b));
        }
        if (a.isNumeric() && b.isNumeric()) {
            return FloeType.FLOAT64;
        }
        if (a.isTemporal() && b.isTemporal()) {
            return FloeType.TIMESTAMP;
        }
        return null;
    }

    /** What a BIGINT stands for next to a DECIMAL: every long has at most 19 digits. */
    public static final FloeType BIGINT_AS_DECIMAL = FloeType.decimal(19, 0);

    /** Whether {@code a} and {@code b} meet as DECIMALs: one is a DECIMAL and the other a DECIMAL or a BIGINT. */
    static boolean decimalMix(FloeType a, FloeType b) {
        return (a.isDecimal() || b.isDecimal()) && (a.isDecimal() || a == FloeType.INT64)
                && (b.isDecimal() || b == FloeType.INT64);
    }

    /** {@code t} as the DECIMAL it is read as in decimal arithmetic and comparison: BIGINT is DECIMAL(19,0). */
    static FloeType asDecimal(FloeType t) {
        return t == FloeType.INT64 ? BIGINT_AS_DECIMAL : t;
    }

    /**
     * The smallest DECIMAL that holds every value of both (as CASE, coalesce and IN choose between them):
     * the larger scale and the larger count of integer digits. Past 38 digits in all the integer digits give
     * way and the scale is kept, so no digit after the point is ever rounded away; a value whose integer part
     * then does not fit is an error naming it. (DuckDB gives up scale instead, which would round silently:
     * two inferred columns, DECIMAL(38,2) and DECIMAL(38,6), would lose four decimals of the second.)
     * DECIMAL(9,2) and DECIMAL(5,4) give DECIMAL(11,4); DECIMAL(38,2) and DECIMAL(38,6) give DECIMAL(38,6).
     */
    public static FloeType decimalSupertype(FloeType a, FloeType b) {
        int scale = Math.max(a.scale(), b.scale());
        int integer = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return FloeType.decimal(Math.min(FloeType.MAX_DECIMAL_PRECISION, Math.max(1, scale + integer)), scale);
    }

    /**
     * The type of {@code a op b} for DECIMAL operands (DuckDB's rules): + and - give
     * DECIMAL(max(s1,s2) + max(p1-s1,p2-s2) + 1, max(s1,s2)), * gives DECIMAL(p1+p2, s1+s2), each capped at 38
     * digits (a result that then does not fit is an error when evaluated); a product of scale above 38 is a
     * PlanException; % gives DECIMAL(max integer digits + max s, max s), exact, x % 0 NULL. (// with a DECIMAL
     * is DOUBLE, and never reaches this.)
     */
    public static FloeType decimalResultType(Binary b, FloeType lt, FloeType rt) {
        int max = FloeType.MAX_DECIMAL_PRECISION;
        switch (b.op()) {
            case ADD, SUB -> {
                int scale = Math.max(lt.scale(), rt.scale());
                int integer = Math.max(lt.precision() - lt.scale(), rt.precision() - rt.scale());
                return FloeType.decimal(Math.min(max, scale + integer + 1), scale);
            }
            case MOD -> {
                // DuckDB's: the remainder has the larger scale and at most the larger integer part
                int scale = Math.max(lt.scale(), rt.scale());
                int integer = Math.max(lt.precision() - lt.scale(), rt.precision() - rt.scale());
                return FloeType.decimal(Math.min(max, Math.max(1, scale + integer)), scale);
            }
            case MUL -> {
                int scale = lt.scale() + rt.scale();
                if (scale > max) {
                    throw new PlanException("the product " + b.toSql() + " of " + lt.sqlName() + " and " + rt.sqlName()
                            + " would have " + scale + " digits after the point, more than the " + max
                            + " a DECIMAL holds; cast an operand to a DECIMAL of smaller scale, or to DOUBLE");
                }
                return FloeType.decimal(Math.min(max, lt.precision() + rt.precision()), scale);
            }
            default -> throw new PlanException("operator " + b.op().symbol() + " does not take DECIMALs (" + lt.sqlName()
                    + " and " + rt.sqlName() + ") in " + b.toSql() + "; cast the operands to DOUBLE or BIGINT");
        }
    }

    /**
     * For BETWEEN and IN whose operands are DECIMALs and BIGINTs (at least one DECIMAL): each operand kept as
     * the DECIMAL it is (a BIGINT cast to DECIMAL(19,0), an untyped NULL given the first DECIMAL type), since
     * the comparison kernels compare decimals of different scales exactly; null for any other operands.
     */
    private static List<Expr> asDecimals(List<Expr> parts, Schema schema) {
        FloeType first = null;
        for (Expr e : parts) {
            FloeType t = typeOrNull(e, schema);
            if (t == null) {
                continue;
            }
            if (t != FloeType.INT64 && !t.isDecimal()) {
                return null;
            }
            if (first == null && t.isDecimal()) {
                first = t;
            }
        }
        if (first == null) {
            return null;
        }
        List<Expr> out = new ArrayList<>();
        for (Expr e : parts) {
            Expr t = typed(e, first);
            out.add(asDecimalOperand(t, typeOf(t, schema, true)));
        }
        return out;
    }

    /**
     * A DECIMAL or BIGINT operand of a comparison with a DECIMAL, as a DECIMAL: a BIGINT literal becomes the
     * DECIMAL literal of its digits ({@code price > 100} compares with a DECIMAL(3,0), so a DECIMAL(9,2) column
     * compares in long arithmetic; the result, a BOOLEAN, does not depend on it), any other BIGINT a cast to
     * DECIMAL(19,0).
     */
    /**
     * {@code e} as an operand of decimal arithmetic or comparison: a BIGINT literal as the DECIMAL of its own
     * digits ({@code price + 1} is DECIMAL(p+1, s)-ish, not widened by a DECIMAL(19,0), so it stays on the long
     * path), any other BIGINT as DECIMAL(19,0), a DECIMAL as it is.
     */
    private static Expr asDecimalOperand(Expr e, FloeType type) {
        if (e instanceof Literal l && l.value() instanceof Long v) {
            BigDecimal d = BigDecimal.valueOf(v);
            return new Literal(d, FloeType.decimalOf(d));
        }
        return castTo(e, type, asDecimal(type));
    }

    /** Whether operands of types {@code a} and {@code b} are compared without a cast: one type, or two DECIMALs. */
    private static boolean comparable(FloeType a, FloeType b) {
        return a == b || (a.isDecimal() && b.isDecimal());
    }

    /** {@code e} typed: an untyped NULL (or an alias of one) becomes a NULL of {@code type}; anything else is returned. */
    static Expr typed(Expr e, FloeType type) {
        if (e instanceof NullLiteral) {
            return new Literal(null, type);
        }
        if (e instanceof Alias a && a.input() instanceof NullLiteral) {
            return new Alias(new Literal(null, type), a.name());
        }
        return e;
    }

    /** The type of a coerced node, or null for an untyped NULL. */
    static FloeType typeOrNull(Expr e, Schema schema) {
        if (e instanceof NullLiteral || (e instanceof Alias a && a.input() instanceof NullLiteral)) {
            return null;
        }
        return typeOf(e, schema, true);
    }

    /**
     * Whether {@code CAST(x AS to)} exists for an {@code x} of type {@code from}: any type to or from
     * VARCHAR, between BIGINT, DOUBLE and BOOLEAN, between DECIMALs, BIGINT and DOUBLE, and between DATE and TIMESTAMP.
     */
    public static boolean canCast(FloeType from, FloeType to) {
        boolean scalarNumbers = (from.isNumeric() || from == FloeType.BOOLEAN) && (to.isNumeric() || to == FloeType.BOOLEAN)
                && !(from.isDecimal() && to == FloeType.BOOLEAN) && !(from == FloeType.BOOLEAN && to.isDecimal());
        return from == to || from == FloeType.STRING || to == FloeType.STRING || scalarNumbers
                || (from.isTemporal() && to.isTemporal());
    }

    private static final String CASTS = "casts go between numbers (BIGINT, DOUBLE, DECIMAL), between BIGINT or DOUBLE"
            + " and BOOLEAN, between DATE and TIMESTAMP, and to or from VARCHAR";

    static Expr castTo(Expr e, FloeType from, FloeType to) {
        if (from == to) {
            return e;
        }
        if (e instanceof Literal l && l.value() instanceof Long v && to == FloeType.FLOAT64) {
            return new Literal(v.doubleValue(), FloeType.FLOAT64);
        }
        if (e instanceof Literal l && l.value() instanceof Long v && to.isDecimal()) {
            BigDecimal exact = Decimals.exact(BigDecimal.valueOf(v), to);
            if (exact != null) {
                return new Literal(exact, to);
            }
        }
        return new Cast(e, to);
    }

    /** The type of an already-coerced expression. */
    static FloeType typeOf(Expr expr, Schema schema, boolean coerced) {
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
        if (expr instanceof NullLiteral) {
            return NullLiteral.DEFAULT_TYPE;
        }
        if (expr instanceof TryCast c) {
            FloeType in = typeOf(c.input(), schema, coerced);
            if (!canCast(in, c.type())) {
                throw new PlanException("cannot cast " + in.sqlName() + " to " + c.type().sqlName() + " in " + c.toSql()
                        + "; " + CASTS);
            }
            return c.type();
        }
        if (expr instanceof FunctionCall f) {
            List<FloeType> types = new ArrayList<>();
            for (Expr a : f.args()) {
                types.add(typeOf(a, schema, coerced));
            }
            return FunctionTypes.resultType(f, types);
        }
        if (expr instanceof Between b) {
            FloeType t = typeOf(b.input(), schema, coerced);
            if (!comparable(typeOf(b.low(), schema, coerced), t) || !comparable(typeOf(b.high(), schema, coerced), t)) {
                throw new PlanException("BETWEEN needs one type in " + b.toSql());
            }
            return FloeType.BOOLEAN;
        }
        if (expr instanceof InList in) {
            FloeType t = typeOf(in.input(), schema, coerced);
            for (Expr v : in.values()) {
                if (!comparable(typeOf(v, schema, coerced), t)) {
                    throw new PlanException("IN needs values of one type in " + in.toSql());
                }
            }
            return FloeType.BOOLEAN;
        }
        if (expr instanceof Case c) {
            FloeType t = null;
            for (Case.When w : c.branches()) {
                if (typeOf(w.condition(), schema, coerced) != FloeType.BOOLEAN) {
                    throw new PlanException("the condition of WHEN must be BOOLEAN in " + c.toSql());
                }
                FloeType r = typeOf(w.result(), schema, coerced);
                if (t != null && r != t) {
                    throw new PlanException("CASE needs results of one type in " + c.toSql());
                }
                t = r;
            }
            if (c.otherwise() != null && typeOf(c.otherwise(), schema, coerced) != t) {
                throw new PlanException("CASE needs results of one type in " + c.toSql());
            }
            return t;
        }
        if (expr instanceof Like l) {
            FloeType in = typeOf(l.input(), schema, coerced);
            if (in != FloeType.STRING) {
                throw mismatch(l, (l.caseInsensitive() ? "ILIKE" : "LIKE") + " needs a VARCHAR", in);
            }
            return FloeType.BOOLEAN;
        }
        if (expr instanceof Alias a) {
            return typeOf(a.input(), schema, coerced);
        }
        if (expr instanceof Cast c) {
            FloeType in = typeOf(c.input(), schema, coerced);
            if (!canCast(in, c.type())) {
                throw new PlanException("cannot cast " + in.sqlName() + " to " + c.type().sqlName() + " in " + c.toSql()
                        + "; " + CASTS);
            }
            return c.type();
        }
        if (expr instanceof DatePart d) {
            FloeType in = typeOf(d.input(), schema, coerced);
            boolean dateField = d.unit().isDateField();
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
                if (!comparable(lt, rt)) {
                    throw mismatch2(b, lt, rt);
                }
                return FloeType.BOOLEAN;
            }
            if (op == BinaryOp.CONCAT) {
                if (lt != FloeType.STRING || rt != FloeType.STRING) {
                    throw mismatch2(b, lt, rt);
                }
                return FloeType.STRING;
            }
            if (lt.isDecimal() && rt.isDecimal() && op != BinaryOp.DIV) {
                return decimalResultType(b, lt, rt);
            }
            if (lt != rt || !lt.isNumeric() || lt.isDecimal()) {
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

    static PlanException mismatch(Expr e, String need, FloeType got) {
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
        } else {
            sb.append('.');
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
