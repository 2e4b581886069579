package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An equi-join: rows of {@code left} and {@code right} whose keys are equal, key by key.
 *
 * <p>Output columns: the left columns, then (for INNER and LEFT) the right columns, leaving out the
 * right columns named in {@code dropRight} (the shared key columns of a join "using" names); a right
 * column whose name the left side already has gets the suffix {@code _right}.
 */
public record Join(LogicalPlan left, LogicalPlan right, List<Expr> leftKeys, List<Expr> rightKeys, JoinType type,
        List<String> dropRight) implements LogicalPlan {

    public Join {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        leftKeys = List.copyOf(requireNonNull(leftKeys, "leftKeys is null"));
        rightKeys = List.copyOf(requireNonNull(rightKeys, "rightKeys is null"));
        requireNonNull(type, "type is null");
        dropRight = List.copyOf(requireNonNull(dropRight, "dropRight is null"));
        if (leftKeys.size() != rightKeys.size() || leftKeys.isEmpty()) {
            throw new PlanException("a join needs the same number (at least one) of keys on both sides, got "
                    + leftKeys + " and " + rightKeys);
        }
    }

    /**
     * The key types, checked to be equal on both sides ({@code DataFrame.join} casts keys of different
     * types that have a common type to it before building this node).
     */
    public List<FloeType> keyTypes() {
        Schema l = left.schema();
        Schema r = right.schema();
        List<FloeType> types = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            FloeType lt = TypeChecker.typeOf(leftKeys.get(i), l);
            FloeType rt = TypeChecker.typeOf(rightKeys.get(i), r);
            if (lt != rt) {
                throw new PlanException("join key " + leftKeys.get(i).toSql() + " is " + lt.sqlName() + " but "
                        + rightKeys.get(i).toSql() + " is " + rt.sqlName() + ", and they have no common type to be"
                        + " compared as; cast one of them (for example CAST(" + rightKeys.get(i).toSql() + " AS "
                        + lt.sqlName() + "))");
            }
            types.add(lt);
        }
        return types;
    }

    /** The right columns that appear in the output, in order. */
    public List<String> rightOutputColumns() {
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return List.of();
        }
        return right.schema().names().stream().filter(n -> !dropRight.contains(n)).toList();
    }

    @Override
    public Schema deriveSchema() {
        keyTypes();
        Schema l = left.schema();
        Schema r = right.schema();
        List<Field> fields = new ArrayList<>(l.fields());
        Set<String> names = new HashSet<>(l.names());
        for (String name : rightOutputColumns()) {
            String out = name;
            if (names.contains(out)) {
                out = name + "_right";
                for (int k = 2; names.contains(out); k++) {
                    out = name + "_right_" + k;
                }
            }
            names.add(out);
            fields.add(new Field(out, r.field(r.indexOf(name)).type()));
        }
        return PlanSchemas.unique(fields, "join");
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(left, right);
    }

    @Override
    public String describe() {
        return "Join " + type + " on " + leftKeys.stream().map(Expr::toSql).collect(Collectors.joining(", "))
                + " = " + rightKeys.stream().map(Expr::toSql).collect(Collectors.joining(", "));
    }
}
