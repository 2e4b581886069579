package dev.floe.expressions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Floe's one rule for repeated column names, used by the CSV reader for a header's repeated columns and by
 * SQL for a result's columns (as DuckDB names a subquery's or a table's columns): the first column of a
 * name keeps it, a later one gets {@code _1}, {@code _2}, ... ({@code SELECT a.k, b.k} gives
 * {@code k, k_1}; {@code SELECT *} over a self join gives {@code id, name, id_1, name_1}). A suffixed name
 * never takes a name that some column is written with: {@code k, k, k_1} gives {@code k, k_2, k_1}
 * (DuckDB would rename the written {@code k_1} to {@code k_1_1} instead). Names are compared exactly
 * (case matters, as everywhere in Floe).
 */
public final class ColumnNames {
    private ColumnNames() {
    }

    /** {@code names} with the repeated ones renamed; the same list (equal) when none repeats. */
    public static List<String> unique(List<String> names) {
        Set<String> written = new HashSet<>(names);
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            String unique = name;
            for (int k = 1; used.contains(unique) || (!unique.equals(name) && written.contains(unique)); k++) {
                unique = name + "_" + k;
            }
            used.add(unique);
            out.add(unique);
        }
        return out;
    }
}
