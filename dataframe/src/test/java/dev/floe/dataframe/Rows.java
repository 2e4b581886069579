package dev.floe.dataframe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A table's rows as lists of Java values, for comparing with an oracle. */
final class Rows {
    private Rows() {
    }

    static List<List<Object>> of(Table t) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            Object[] row = new Object[t.columnCount()];
            for (int c = 0; c < row.length; c++) {
                row[c] = t.get(r, c);
            }
            rows.add(Arrays.asList(row));
        }
        return rows;
    }

    /** The rows in a canonical order (by their text), for results whose order is not promised. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
