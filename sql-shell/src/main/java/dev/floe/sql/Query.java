package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Something that produces rows: a {@link SelectStatement}, a {@link UnionAll} of queries, or a query with
 * common table expressions ({@link With}). {@link #toSql()} prints text that parses back to an equal query.
 */
public sealed interface Query permits SelectStatement, Query.UnionAll, Query.With {

    String toSql();

    /**
     * {@code q1 UNION ALL q2 ...} then an ORDER BY / LIMIT / OFFSET that applies to the whole union
     * (empty list and nulls when absent). Columns are matched by position.
     */
    record UnionAll(List<Query> parts, List<OrderItem> orderBy, Long limit, Long offset) implements Query {
        public UnionAll {
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
            orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
            if (parts.size() < 2) {
                throw new IllegalArgumentException("a UNION ALL needs at least two queries, got " + parts.size());
            }
        }

        @Override
        public String toSql() {
            StringBuilder sql = new StringBuilder(parts.stream().map(p -> "(" + p.toSql() + ")")
                    .collect(Collectors.joining(" UNION ALL ")));
            SelectStatement.appendOrderAndLimit(sql, orderBy, limit, offset);
            return sql.toString();
        }
    }

    /** A common table expression: {@code name AS (query)}. */
    record Cte(String name, Query query) {
        public Cte {
            requireNonNull(name, "name is null");
            requireNonNull(query, "query is null");
        }
    }

    /** {@code WITH name AS (query) [, ...] body}: each name can be used by the later ones and by the body. */
    record With(List<Cte> ctes, Query body) implements Query {
        public With {
            ctes = List.copyOf(requireNonNull(ctes, "ctes is null"));
            requireNonNull(body, "body is null");
        }

        @Override
        public String toSql() {
            return "WITH " + ctes.stream()
                    .map(c -> dev.floe.expressions.Expressions.quoteIdentifier(c.name()) + " AS (" + c.query().toSql() + ")")
                    .collect(Collectors.joining(", ")) + " " + body.toSql();
        }
    }
}
