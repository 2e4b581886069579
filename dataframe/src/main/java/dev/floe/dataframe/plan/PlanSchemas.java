package dev.floe.dataframe.plan;

import dev.floe.expressions.Field;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class PlanSchemas {
    private PlanSchemas() {
    }

    /** A schema of {@code fields}, or a {@link PlanException} naming the column that appears twice. */
    static Schema unique(List<Field> fields, String operation) {
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (!seen.add(f.name())) {
                throw new PlanException(operation + " produces two columns named '" + f.name()
                        + "'; give one of them another name with .as(\"...\") (SQL: AS ...)");
            }
        }
        return new Schema(fields);
    }
}
