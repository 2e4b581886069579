package dev.floe.expressions;

import java.util.Locale;
import java.util.Set;

/** The reserved words that a column name must be quoted to use. */
final class SqlKeywords {
    private static final Set<String> RESERVED = Set.of(
            "select", "from", "where", "group", "by", "order", "limit", "offset", "having", "and", "or", "not",
            "as", "asc", "desc", "null", "true", "false", "is", "in", "between", "like", "case", "when", "then",
            "else", "end", "cast", "distinct", "join", "on", "union", "all", "with");

    private SqlKeywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }
}
