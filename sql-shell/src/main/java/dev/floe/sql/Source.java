package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.plan.JoinType;
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

    /** {@code left [INNER | LEFT | SEMI | ANTI] JOIN right ON condition}. */
    record Join(Source left, Source right, JoinType type, Expr on) implements Source {
        public Join {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(type, "type is null");
            requireNonNull(on, "on is null");
        }

        @Override
        public String toSql() {
            String kind = type == JoinType.INNER ? "JOIN" : type.name() + " JOIN";
            return left.toSql() + " " + kind + " " + right.toSql() + " ON " + on.toSql();
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
