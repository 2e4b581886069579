package dev.floe.expressions;

/**
 * SQL's untyped {@code NULL}: what {@code lit(null)} and the SQL keyword NULL build. It has no type of its
 * own; {@link TypeChecker#coerce} gives it the type its context needs ({@code name = NULL} compares two
 * VARCHARs, {@code coalesce(x, NULL)} has x's type) and makes it a typed {@link Literal}. Where nothing
 * gives it a type ({@code SELECT NULL}) it becomes a BIGINT NULL, as DuckDB's is an INTEGER.
 */
public record NullLiteral() implements Expr {
    /** The type an untyped NULL gets where its context gives none. */
    public static final FloeType DEFAULT_TYPE = FloeType.INT64;

    @Override
    public String toSql() {
        return "NULL";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
