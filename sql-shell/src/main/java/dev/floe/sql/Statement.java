package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expressions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One SQL statement of a script. {@link SqlParser#parseStatements} returns them in order (or
 * {@link SqlParser#split} one at a time); a {@link SqlSession} runs them. {@link #toSql()} prints text
 * that parses back to an equal statement.
 */
public sealed interface Statement {

    String toSql();

    /** A query whose rows are the result. */
    record QueryStatement(Query query) implements Statement {
        public QueryStatement {
            requireNonNull(query, "query is null");
        }

        @Override
        public String toSql() {
            return query.toSql();
        }
    }

    /** {@code CREATE [OR REPLACE] VIEW name AS query}: a name for a lazy frame, planned anew at each use. */
    record CreateView(String name, boolean orReplace, Query query) implements Statement {
        public CreateView {
            requireNonNull(name, "name is null");
            requireNonNull(query, "query is null");
        }

        @Override
        public String toSql() {
            return "CREATE " + (orReplace ? "OR REPLACE " : "") + "VIEW " + Expressions.quoteIdentifier(name)
                    + " AS " + query.toSql();
        }
    }

    /** {@code CREATE [OR REPLACE] TABLE name AS query}: the rows computed now and kept in memory. */
    record CreateTable(String name, boolean orReplace, Query query) implements Statement {
        public CreateTable {
            requireNonNull(name, "name is null");
            requireNonNull(query, "query is null");
        }

        @Override
        public String toSql() {
            return "CREATE " + (orReplace ? "OR REPLACE " : "") + "TABLE " + Expressions.quoteIdentifier(name)
                    + " AS " + query.toSql();
        }
    }

    /** {@code DROP VIEW|TABLE [IF EXISTS] name}. */
    record Drop(String kind, String name, boolean ifExists) implements Statement {
        public Drop {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
        }

        @Override
        public String toSql() {
            return "DROP " + kind + (ifExists ? " IF EXISTS " : " ") + Expressions.quoteIdentifier(name);
        }
    }

    /**
     * {@code COPY (query) TO 'path' [(FORMAT csv|arrow, option value, ...)]} (also {@code COPY name TO ...});
     * option names lower case, values Boolean, Long, Double or String.
     */
    record Copy(Query query, String path, Map<String, Object> options) implements Statement {
        public Copy {
            requireNonNull(query, "query is null");
            requireNonNull(path, "path is null");
            options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
        }

        @Override
        public String toSql() {
            String opts = options.isEmpty() ? "" : options.entrySet().stream()
                    .map(e -> e.getKey().toUpperCase(java.util.Locale.ROOT) + " " + literal(e.getValue()))
                    .collect(Collectors.joining(", ", " (", ")"));
            return "COPY (" + query.toSql() + ") TO '" + path.replace("'", "''") + "'" + opts;
        }
    }

    /** {@code DESCRIBE source} or {@code DESCRIBE query}: the columns and their types. */
    record Describe(Query query) implements Statement {
        public Describe {
            requireNonNull(query, "query is null");
        }

        @Override
        public String toSql() {
            return "DESCRIBE " + query.toSql();
        }
    }

    /** {@code SHOW TABLES}: the session's views and tables. */
    record ShowTables() implements Statement {
        @Override
        public String toSql() {
            return "SHOW TABLES";
        }
    }

    /** {@code EXPLAIN [ANALYZE] query}. */
    record Explain(boolean analyze, Query query) implements Statement {
        public Explain {
            requireNonNull(query, "query is null");
        }

        @Override
        public String toSql() {
            return "EXPLAIN " + (analyze ? "ANALYZE " : "") + query.toSql();
        }
    }

    /** {@code SET name = value} (also {@code SET name TO value}); {@code name} lower case, value Boolean, Long, Double or String. */
    record Set(String name, Object value) implements Statement {
        public Set {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public String toSql() {
            return "SET " + name + " = " + literal(value);
        }
    }

    private static String literal(Object value) {
        return value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
    }
}
