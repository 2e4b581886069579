package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/** Orders rows by the keys, the first key first. */
public record Sort(LogicalPlan input, List<Key> keys) implements LogicalPlan {
    /** One sort key. NULLs sort last when ascending and first when descending unless said otherwise. */
    public record Key(Expr expr, boolean ascending, boolean nullsFirst) implements Serializable {
        public Key {
            requireNonNull(expr, "expr is null");
        }

        @Override
        public String toString() {
            return expr.toSql() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    public Sort {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }

    @Override
    public Schema deriveSchema() {
        Schema schema = input.schema();
        for (Key k : keys) {
            TypeChecker.typeOf(k.expr(), schema);
        }
        return schema;
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Sort " + keys.stream().map(Key::toString).collect(Collectors.joining(", "));
    }
}
