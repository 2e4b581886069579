package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** What a FROM clause reads. */
public sealed interface Source permits Source.ReadCsv {

    String toSql();

    /**
     * {@code read_csv('glob' [, name = value ...])}, or a bare {@code 'glob'} (no options).
     *
     * <p>{@code options} maps each option name (lower case) to its literal value, already validated by
     * the parser: {@code header} a Boolean, {@code delim} a one-character String (a tab for {@code '\t'}).
     * Iteration follows the order written.
     */
    record ReadCsv(String glob, Map<String, Object> options) implements Source {
        /** The options read_csv accepts, in the order error messages list them. */
        public static final List<String> KNOWN_OPTIONS = List.of("delim", "header");

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
            return String.valueOf(value).toUpperCase(java.util.Locale.ROOT);
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "''") + "'";
        }
    }
}
