package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * SQL's CASE. Searched ({@code operand} null): {@code CASE WHEN c1 THEN r1 ... [ELSE e] END}, the result
 * of the first branch whose condition is TRUE (a NULL condition is not TRUE). Simple: {@code CASE x WHEN
 * v1 THEN r1 ... END}, the first branch with {@code x = v}. No branch taken and no ELSE: NULL.
 * Built with {@link Expressions#when(Expr)} and {@link Expressions#caseOf(Expr)}.
 */
public record Case(Expr operand, List<When> branches, Expr otherwise) implements Expr {
    /** {@code WHEN condition THEN result} (in a simple CASE, {@code condition} is the value compared). */
    public record When(Expr condition, Expr result) implements Serializable {
        public When {
            requireNonNull(condition, "condition is null");
            requireNonNull(result, "result is null");
        }
    }

    public Case {
        branches = List.copyOf(requireNonNull(branches, "branches is null"));
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN");
        }
    }

    @Override
    public String toSql() {
        StringBuilder sb = new StringBuilder("CASE");
        if (operand != null) {
            sb.append(' ').append(operand.toSql());
        }
        for (When w : branches) {
            sb.append(" WHEN ").append(w.condition().toSql()).append(" THEN ").append(w.result().toSql());
        }
        if (otherwise != null) {
            sb.append(" ELSE ").append(otherwise.toSql());
        }
        return sb.append(" END").toString();
    }

    @Override
    public String toString() {
        return toSql();
    }
}
