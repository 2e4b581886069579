package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code SELECT items FROM from [WHERE where] [GROUP BY groupBy] [ORDER BY orderBy] [LIMIT limit]}.
 *
 * <p>Expressions are the {@code dev.floe.expressions} trees themselves; column references keep only the
 * column name ({@code t.value} is {@code col("value")}). {@code where} and {@code limit} are null when
 * absent; the lists are empty. {@link #toSql()} prints a statement that parses back to an equal one.
 */
public record SelectStatement(List<SelectItem> items, Source from, Expr where, List<Expr> groupBy,
                              List<OrderItem> orderBy, Long limit) {
    public SelectStatement {
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(from, "from is null");
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a SELECT needs at least one item");
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit is negative: " + limit);
        }
    }

    public String toSql() {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(items.stream().map(SelectItem::toSql).collect(Collectors.joining(", ")))
                .append(" FROM ").append(from.toSql());
        if (where != null) {
            sql.append(" WHERE ").append(where.toSql());
        }
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(groupBy.stream().map(Expr::toSql).collect(Collectors.joining(", ")));
        }
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(orderBy.stream().map(OrderItem::toSql).collect(Collectors.joining(", ")));
        }
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        return sql.toString();
    }

    @Override
    public String toString() {
        return toSql();
    }
}
