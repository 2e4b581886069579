package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.DataFrame;
import dev.floe.expressions.PlanException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A planned FROM clause: the frame, and for each of its columns (in order) the source name that qualifies
 * it ({@code t} in {@code t.x}; null when the source has none) and its name in that source.
 *
 * <p>{@code using} maps the key names of {@code JOIN ... USING (k)} to the frame column that an
 * unqualified {@code k} means (one column per key, as in DuckDB and Postgres). {@code star} lists what
 * {@code SELECT *} shows, in order: a result name and the frame column it reads; it leaves out the right
 * side's USING keys and the columns the planner adds for its own use (subquery matches).
 */
record Relation(DataFrame df, List<String> qualifiers, List<String> names, Map<String, String> using,
                List<StarColumn> star) {

    /** One column of {@code SELECT *}: shown as {@code name}, read from the frame's {@code column}. */
    record StarColumn(String name, String column, String qualifier) {
    }

    Relation {
        requireNonNull(df, "df is null");
        qualifiers = Collections.unmodifiableList(new ArrayList<>(qualifiers));
        names = List.copyOf(names);
        using = Collections.unmodifiableMap(new LinkedHashMap<>(using));
        star = List.copyOf(star);
        if (qualifiers.size() != names.size()) {
            throw new IllegalStateException("relation has " + qualifiers.size() + " qualifiers for " + names.size()
                    + " names: " + names);
        }
    }

    static Relation of(DataFrame df, String qualifier) {
        List<String> names = df.columns();
        List<StarColumn> star = new ArrayList<>();
        for (String n : names) {
            star.add(new StarColumn(n, n, qualifier));
        }
        return new Relation(df, Collections.nCopies(names.size(), qualifier), names, Map.of(), star);
    }

    /** Every column qualified by {@code q} ({@code FROM source AS q}). */
    Relation qualified(String q) {
        List<StarColumn> s = star.stream().map(c -> new StarColumn(c.name(), c.column(), q)).toList();
        return new Relation(df, Collections.nCopies(names.size(), q), names, using, s);
    }

    /** The same columns over {@code next} (a filter of this frame, or one that renamed its columns alike). */
    Relation withFrame(DataFrame next) {
        return new Relation(next, qualifiers, names, using, star);
    }

    /** This relation with a column the planner added at the end of the frame, hidden from {@code *}. */
    Relation withHidden(DataFrame next) {
        List<String> q = new ArrayList<>(qualifiers);
        List<String> n = new ArrayList<>(names);
        for (int i = names.size(); i < next.columns().size(); i++) {
            q.add(null);
            n.add(next.columns().get(i));
        }
        return new Relation(next, q, n, using, star);
    }

    /**
     * The frame's column that {@code name} ({@code x} or {@code q.x}) means, or null. An unqualified name
     * is a USING key, else the one source column of that name (two are ambiguous), else a frame column.
     */
    String resolve(String name) {
        String key = using.get(name);
        if (key != null) {
            return key;
        }
        List<String> columns = df.columns();
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                matches.add(i);
            }
        }
        if (matches.size() > 1) {
            List<String> sources = matches.stream().map(i -> qualifiers.get(i) == null ? "an unnamed source"
                    : qualifiers.get(i) + "." + name).toList();
            throw new PlanException("column '" + name + "' is ambiguous: it could be " + String.join(" or ", sources)
                    + "; qualify it (name each source with FROM ... AS t)");
        }
        if (matches.size() == 1) {
            return columns.get(matches.get(0));
        }
        if (columns.contains(name)) {
            return name;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String q = name.substring(0, dot);
            String n = name.substring(dot + 1);
            for (int i = 0; i < names.size(); i++) {
                if (q.equals(qualifiers.get(i)) && n.equals(names.get(i))) {
                    return columns.get(i);
                }
            }
        }
        return null;
    }

    /**
     * The name that the frame column {@code column} has in its source ({@code x} for the {@code x_right}
     * a join made of the right side's {@code x}), or {@code column} itself for a column of no source. A
     * result column that reads it is named so ({@code SELECT b.x} shows {@code x}).
     */
    String sourceName(String column) {
        int i = df.columns().indexOf(column);
        return i >= 0 && i < names.size() ? names.get(i) : column;
    }

    boolean knowsQualifier(String q) {
        return qualifiers.contains(q);
    }

    /** The source names in scope, for messages. */
    List<String> sourceNames() {
        return qualifiers.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** What {@code *} ({@code qualifier} null) or {@code qualifier.*} shows. */
    List<StarColumn> star(String qualifier) {
        if (qualifier == null) {
            return star;
        }
        if (!knowsQualifier(qualifier)) {
            List<String> known = sourceNames();
            throw new PlanException(qualifier + ".*: no source is called '" + qualifier + "'"
                    + (known.isEmpty() ? "; name a source with FROM ... AS name" : "; sources: " + String.join(", ", known)));
        }
        List<StarColumn> out = new ArrayList<>();
        List<String> columns = df.columns();
        for (int i = 0; i < names.size(); i++) {
            if (qualifier.equals(qualifiers.get(i))) {
                out.add(new StarColumn(names.get(i), columns.get(i), qualifier));
            }
        }
        return out;
    }
}
