package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** What a FROM clause reads: a CSV scan, a view or table of the session, a subquery, a join, any of them named. */
public sealed interface Source permits Source.ReadCsv, Source.Named, Source.Subquery, Source.Join, Source.Aliased {

    String toSql();

    /**
     * {@code read_csv('glob' [, name = value ...])}, or a bare {@code 'glob'} (no options).
     *
     * <p>{@code options} maps each option name (lower case, as DuckDB names them: header, delim, types,
     * nullstr, ignore_errors, ...) to its value as written: Boolean, Long, Double, String (a tab for
     * {@code '\t'}), a List ({@code ['NA', '']}) or a Map ({@code {'zip': 'VARCHAR'}}); the parser has
     * checked each with {@link dev.floe.io.CsvOptions#fromMap}. Iteration follows the order written.
     */
    record ReadCsv(String glob, Map<String, Object> options) implements Source {
        public ReadCsv {
            requireNonNull(glob, "glob is null");
            requireNonNull(options, "options is null");
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        @Override
        public String toSql() {
            StringJoiner sql = new StringJoiner(", ", "read_csv(", ")");
            sql.add(quote(glob));
            options.forEach((name, value) -> sql.add(name + " = " + literal(value)));
            return sql.toString();
        }

        private static String literal(Object value) {
            if (value instanceof String s) {
                return s.equals("\t") ? "'\\t'" : quote(s);
            }
            if (value instanceof List<?> list) {
                StringJoiner j = new StringJoiner(", ", "[", "]");
                list.forEach(x -> j.add(literal(x)));
                return j.toString();
            }
            if (value instanceof Map<?, ?> map) {
                StringJoiner j = new StringJoiner(", ", "{", "}");
                map.forEach((k, v) -> j.add(quote(String.valueOf(k)) + ": " + literal(v)));
                return j.toString();
            }
            return String.valueOf(value).toUpperCase(Locale.ROOT);
        }
    }

    /** A view or table of the session, or a common table expression; {@code name} as written (folded unless quoted). */
    record Named(String name) implements Source {
        public Named {
            requireNonNull(name, "name is null");
        }

        @Override
        public String toSql() {
            return Expressions.quoteIdentifier(name);
        }
    }

    /** {@code (query)}; the parser only makes one with an alias around it. */
    record Subquery(Query query) implements Source {
        public Subquery {
            requireNonNull(query, "query is null");
        }

        @Override
        public String toSql() {
            return "(" + query.toSql() + ")";
        }
    }

    /** The joins of SQL; the planner builds RIGHT, FULL and CROSS from the dataframe's INNER, LEFT, SEMI and ANTI. */
    enum JoinKind {
        INNER("JOIN"), LEFT("LEFT JOIN"), RIGHT("RIGHT JOIN"), FULL("FULL JOIN"), SEMI("SEMI JOIN"), ANTI("ANTI JOIN"),
        CROSS("CROSS JOIN");

        private final String sql;

        JoinKind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /**
     * {@code left [kind] JOIN right ON condition}, {@code ... USING (k1, k2)}, or {@code left CROSS JOIN right}
     * (also written {@code left, right}). Exactly one of {@code on} and a non-empty {@code using} is given,
     * except for CROSS, which has neither.
     */
    record Join(Source left, Source right, JoinKind kind, Expr on, List<String> using) implements Source {
        public Join {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(kind, "kind is null");
            using = List.copyOf(requireNonNull(using, "using is null"));
            boolean cross = kind == JoinKind.CROSS;
            if (cross ? on != null || !using.isEmpty() : (on == null) == using.isEmpty()) {
                throw new IllegalArgumentException(kind + " JOIN needs " + (cross ? "neither ON nor USING" : "ON or USING")
                        + ", got on=" + on + ", using=" + using);
            }
        }

        /** {@code left JOIN right ON on} (the form of the first releases). */
        public Join(Source left, Source right, JoinKind kind, Expr on) {
            this(left, right, kind, on, List.of());
        }

        @Override
        public String toSql() {
            String sql = left.toSql() + " " + kind.sql() + " " + right.toSql();
            if (on != null) {
                return sql + " ON " + on.toSql();
            }
            if (!using.isEmpty()) {
                StringJoiner keys = new StringJoiner(", ", " USING (", ")");
                using.forEach(k -> keys.add(Expressions.quoteIdentifier(k)));
                return sql + keys;
            }
            return sql;
        }
    }

    /** {@code source AS alias}: qualified names {@code alias.column} refer to its columns. */
    record Aliased(Source source, String alias) implements Source {
        public Aliased {
            requireNonNull(source, "source is null");
            requireNonNull(alias, "alias is null");
        }

        @Override
        public String toSql() {
            return source.toSql() + " AS " + Expressions.quoteIdentifier(alias);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
