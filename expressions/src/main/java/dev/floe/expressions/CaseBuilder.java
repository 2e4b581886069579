package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Case}: {@code when(col("x").gt(0)).then("pos").when(col("x").lt(0)).then("neg").otherwise("zero")},
 * or the simple form {@code caseOf(col("code")).when(1).then("one").end()}. Immutable: each step returns a new builder.
 */
public final class CaseBuilder {
    private final Expr operand;
    private final List<Case.When> branches;

    CaseBuilder(Expr operand, List<Case.When> branches) {
        this.operand = operand;
        this.branches = List.copyOf(branches);
    }

    /** A new branch: {@code WHEN condition} (in a simple CASE, the value compared with the operand). */
    public Then when(Object condition) {
        return new Then(this, Expressions.lit(condition));
    }

    /** {@code ELSE value END}. */
    public Expr otherwise(Object value) {
        return new Case(operand, branches, Expressions.lit(value));
    }

    /** {@code END}, without ELSE: NULL where no branch is taken. */
    public Expr end() {
        return new Case(operand, branches, null);
    }

    /** A {@code WHEN} waiting for its {@code THEN}. */
    public static final class Then {
        private final CaseBuilder builder;
        private final Expr condition;

        Then(CaseBuilder builder, Expr condition) {
            this.builder = builder;
            this.condition = requireNonNull(condition, "condition is null");
        }

        public CaseBuilder then(Object result) {
            List<Case.When> next = new ArrayList<>(builder.branches);
            next.add(new Case.When(condition, Expressions.lit(result)));
            return new CaseBuilder(builder.operand, next);
        }
    }
}
