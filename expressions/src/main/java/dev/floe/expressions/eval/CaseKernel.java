package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Chooses, row by row, which of several operands of one type gives the value:
 * <ul>
 *   <li>searched CASE: the result of the first condition that is TRUE (NULL is not), else the ELSE
 *       operand, else NULL;</li>
 *   <li>coalesce: the first operand that is not NULL, else NULL.</li>
 * </ul>
 * Every operand is evaluated over the whole batch first (vectorised, like DuckDB's CASE without its
 * selection vectors), so a branch not taken can still fail, e.g. on an overflow in a row it would not
 * have produced. Then one pass picks and copies the values.
 */
final class CaseKernel extends Kernel {
    private final List<Kernel> conditions;
    private final List<Kernel> results;
    private final Kernel otherwise;

    private CaseKernel(FloeType type, String name, List<Kernel> conditions, List<Kernel> results, Kernel otherwise,
            BufferAllocator allocator) {
        super(type, name, allocator, all(conditions, results, otherwise));
        this.conditions = List.copyOf(conditions);
        this.results = List.copyOf(results);
        this.otherwise = otherwise;
        for (Kernel r : all(List.of(), results, otherwise)) {
            if (r.type() != type) {
                throw new IllegalArgumentException("CASE results of one type, not " + r.type() + " and " + type);
            }
        }
    }

    static CaseKernel searched(String name, List<Kernel> conditions, List<Kernel> results, Kernel otherwise,
            BufferAllocator allocator) {
        return new CaseKernel(results.get(0).type(), name, conditions, results, otherwise, allocator);
    }

    static CaseKernel coalesce(String name, List<Kernel> args, BufferAllocator allocator) {
        return new CaseKernel(args.get(0).type(), name, List.of(), args, null, allocator);
    }

    private static List<Kernel> all(List<Kernel> a, List<Kernel> b, Kernel c) {
        List<Kernel> out = new ArrayList<>(a);
        out.addAll(b);
        if (c != null) {
            out.add(c);
        }
        return out;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand[] when = new Operand[conditions.size()];
        for (int k = 0; k < when.length; k++) {
            when[k] = operand(conditions.get(k), conditions.get(k).evaluate(batch));
        }
        Operand[] then = new Operand[results.size()];
        for (int k = 0; k < then.length; k++) {
            then[k] = operand(results.get(k), results.get(k).evaluate(batch));
        }
        Operand other = otherwise == null ? null : operand(otherwise, otherwise.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        FloeType type = type();
        boolean searched = when.length > 0;
        for (int i = 0; i < n; i++) {
            Operand source = searched ? other : null;
            for (int k = 0; k < then.length; k++) {
                if (searched ? when[k].isValid(i) && when[k].bit(i) : then[k].isValid(i)) {
                    source = then[k];
                    break;
                }
            }
            Copy.value(source, i, out, i, type);
        }
        out.setValueCount(n);
        return out;
    }
}
