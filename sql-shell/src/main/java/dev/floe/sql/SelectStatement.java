package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code SELECT [DISTINCT] items [FROM from] [WHERE where] [GROUP BY groupBy] [HAVING having]
 * [ORDER BY orderBy] [LIMIT limit [OFFSET offset]]}; {@code from} is null for a SELECT without FROM (one row).
 *
 * <p>Expressions are the {@code dev.floe.expressions} trees themselves. A qualified column reference
 * {@code t.value} is kept as the column {@code "t.value"} (its name holds the dot); the planner resolves it
 * against the sources in scope. {@code where}, {@code having}, {@code limit} and {@code offset} are null
 * when absent; the lists are empty. {@link #toSql()} prints a statement that parses back to an equal one.
 *
 * <p>{@code subqueries} maps each placeholder column of the expressions ({@code __subquery_1} in
 * {@code x IN (__subquery_1)}, {@code __exists_2}) to the subquery it stands for; see {@link SqlParser}.
 */
public record SelectStatement(boolean distinct, List<SelectItem> items, Source from, Expr where, List<Expr> groupBy,
                              Expr having, List<OrderItem> orderBy, Long limit, Long offset,
                              Map<String, Query> subqueries) implements Query {
    public SelectStatement {
        items = List.copyOf(requireNonNull(items, "items is null"));
        subqueries = subqueries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(subqueries));
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a SELECT needs at least one item");
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit is negative: " + limit);
        }
        if (offset != null && offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
    }

    /** The statement without subqueries in its expressions. */
    public SelectStatement(boolean distinct, List<SelectItem> items, Source from, Expr where, List<Expr> groupBy,
                           Expr having, List<OrderItem> orderBy, Long limit, Long offset) {
        this(distinct, items, from, where, groupBy, having, orderBy, limit, offset, Map.of());
    }

    /** The statement without DISTINCT, HAVING and OFFSET. */
    public SelectStatement(List<SelectItem> items, Source from, Expr where, List<Expr> groupBy,
                           List<OrderItem> orderBy, Long limit) {
        this(false, items, from, where, groupBy, null, orderBy, limit, null);
    }

    public SelectStatement withOrderAndLimit(List<OrderItem> order, Long newLimit, Long newOffset) {
        return new SelectStatement(distinct, items, from, where, groupBy, having, order, newLimit, newOffset, subqueries);
    }

    @Override
    public String toSql() {
        StringBuilder sql = new StringBuilder(distinct ? "SELECT DISTINCT " : "SELECT ")
                .append(items.stream().map(SelectItem::toSql).collect(Collectors.joining(", ")));
        if (from != null) {
            sql.append(" FROM ").append(from.toSql());
        }
        if (where != null) {
            sql.append(" WHERE ").append(where.toSql());
        }
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(groupBy.stream().map(Expr::toSql).collect(Collectors.joining(", ")));
        }
        if (having != null) {
            sql.append(" HAVING ").append(having.toSql());
        }
        appendOrderAndLimit(sql, orderBy, limit, offset);
        return writeSubqueries(sql.toString());
    }

    /** {@code sql} with each placeholder written out: {@code IN (SELECT ...)}, {@code EXISTS (SELECT ...)}. */
    String writeSubqueries(String sql) {
        for (Map.Entry<String, Query> e : subqueries.entrySet()) {
            String text = e.getValue().toSql();
            String replacement = e.getKey().startsWith("__exists_") ? "EXISTS (" + text + ")" : text;
            sql = sql.replaceAll("\\b" + e.getKey() + "\\b", java.util.regex.Matcher.quoteReplacement(replacement));
        }
        return sql;
    }

    static void appendOrderAndLimit(StringBuilder sql, List<OrderItem> orderBy, Long limit, Long offset) {
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(orderBy.stream().map(OrderItem::toSql).collect(Collectors.joining(", ")));
        }
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ").append(offset);
        }
    }

    @Override
    public String toString() {
        return toSql();
    }
}
