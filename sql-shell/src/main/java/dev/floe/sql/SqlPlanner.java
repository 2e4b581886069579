package dev.floe.sql;

import dev.floe.expressions.ExprTrees;
import static dev.floe.expressions.Expressions.col;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.Floe;
import dev.floe.dataframe.SortKey;
import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Column;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Literal;
import dev.floe.expressions.PlanException;
import dev.floe.io.CsvOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a {@link SelectStatement} into the same {@link DataFrame} plan the Java API builds: SQL is only a
 * front end.
 *
 * <pre>
 *  FROM read_csv(glob, header, delim)   Floe.readCsv(glob, CsvOptions...)
 *  WHERE p                              .filter(p)
 *  GROUP BY / aggregates                .groupBy(keys).agg(aggregates)   (no GROUP BY: .agg(aggregates))
 *  select list                          .select(...)                     (left out when it changes nothing)
 *  ORDER BY                             .sort(SortKey...)
 *  LIMIT n                              .limit(n)
 * </pre>
 *
 * <p>Result columns are named by the alias, else {@link Expr#outputName()} ({@code avg(value)}).
 *
 * <p>Grouping. A GROUP BY entry that is a bare name equal to a select-list alias, or a position
 * ({@code GROUP BY 1}), stands for that select item's expression; the key column takes the alias of the
 * select item that is the key, else the key's output name. An item with aggregates goes into
 * {@code agg(...)} whole, named by its output name ({@code sum(x) / count(x)} is one aggregate
 * expression); if it also refers to a key outside its aggregates ({@code sum(x) - hour(t)}), its aggregate
 * calls go into {@code agg(...)} alone and the arithmetic is done in the final select. An item without
 * aggregates must be built from keys: otherwise "column 'x' must appear in GROUP BY or be used in an
 * aggregate".
 *
 * <p>Ordering. An ORDER BY entry that names a result column, repeats a select item's expression or is a
 * position sorts the result after the select. Without aggregates, an entry that is none of these (a
 * column that is not selected) makes the sort happen before the select, on the input columns, with
 * select-list aliases standing for their expressions.
 *
 * <p>Errors are {@link PlanException}s (the user's mistake); unknown columns and type errors come from
 * the DataFrame operations themselves.
 */
public final class SqlPlanner {
    private SqlPlanner() {
    }

    /** Parses {@code sql} and plans it; reads nothing until an action runs on the result. */
    public static DataFrame plan(String sql) {
        return plan(SqlParser.parse(sql));
    }

    public static DataFrame plan(SelectStatement s) {
        DataFrame df = read(s.from());
        if (s.where() != null) {
            df = df.filter(s.where());
        }
        boolean aggregate = !s.groupBy().isEmpty() || s.items().stream()
                .anyMatch(i -> i instanceof SelectItem.Single single && ExprTrees.containsAggregate(single.expr()));
        df = aggregate ? planAggregate(df, s) : planProjection(df, s);
        if (s.limit() != null) {
            df = df.limit(s.limit());
        }
        return df;
    }

    /** A result column: its name, the select item's expression as written, and what the final select computes. */
    private record Output(String name, Expr written, Expr computed) {
    }

    private static DataFrame read(Source from) {
        Source.ReadCsv csv = (Source.ReadCsv) from;
        CsvOptions options = CsvOptions.defaults();
        for (Map.Entry<String, Object> option : csv.options().entrySet()) {
            switch (option.getKey()) {
                case "header":
                    options = options.withHeader((Boolean) option.getValue());
                    break;
                case "delim":
                    options = options.withDelimiter(((String) option.getValue()).charAt(0));
                    break;
                default:
                    throw new IllegalStateException("read_csv option '" + option.getKey()
                            + "' passed the parser but the planner does not know it");
            }
        }
        return Floe.readCsv(csv.glob(), options);
    }

    // ---- without aggregates ----

    private static DataFrame planProjection(DataFrame df, SelectStatement s) {
        List<Output> outputs = new ArrayList<>();
        for (SelectItem item : s.items()) {
            if (item instanceof SelectItem.Single single) {
                outputs.add(new Output(single.outputName(), single.expr(), single.expr()));
            } else {
                for (String name : df.schema().names()) {
                    outputs.add(new Output(name, col(name), col(name)));
                }
            }
        }
        requireUniqueNames(outputs);
        List<SortKey> sortAfter = resolveOrder(s.orderBy(), outputs);
        if (sortAfter == null) {
            df = df.sort(s.orderBy().stream()
                    .map(o -> sortKey(substituteAliases(o.expr(), s.items()), o.ascending()))
                    .toArray(SortKey[]::new));
        }
        df = selectIfNeeded(df, outputs, df.schema().names());
        if (sortAfter != null && !sortAfter.isEmpty()) {
            df = df.sort(sortAfter.toArray(new SortKey[0]));
        }
        return df;
    }

    /** {@code e} with each column named by a select-list alias replaced by the aliased expression. */
    private static Expr substituteAliases(Expr e, List<SelectItem> items) {
        return ExprTrees.transform(e, node -> {
            if (node instanceof Column c) {
                for (SelectItem item : items) {
                    if (item instanceof SelectItem.Single single && c.name().equals(single.alias())) {
                        return single.expr();
                    }
                }
            }
            return null;
        });
    }

    // ---- with aggregates ----

    private static DataFrame planAggregate(DataFrame df, SelectStatement s) {
        List<SelectItem.Single> items = new ArrayList<>();
        for (SelectItem item : s.items()) {
            if (!(item instanceof SelectItem.Single single)) {
                throw new PlanException("SELECT * cannot be used with GROUP BY or aggregate functions; "
                        + "list the columns to group by and the aggregates to compute");
            }
            items.add(single);
        }
        Map<Expr, String> keys = groupKeys(s.groupBy(), items);
        Map<String, Expr> aggregates = new LinkedHashMap<>();
        List<Output> outputs = new ArrayList<>();
        for (SelectItem.Single item : items) {
            outputs.add(new Output(item.outputName(), item.expr(), aggregateOutput(item, keys, aggregates)));
        }
        requireUniqueNames(outputs);

        List<Expr> keyExprs = new ArrayList<>();
        keys.forEach((expr, name) -> keyExprs.add(named(expr, name)));
        List<Expr> aggExprs = new ArrayList<>();
        aggregates.forEach((name, expr) -> aggExprs.add(named(expr, name)));
        Expr[] aggArray = aggExprs.toArray(new Expr[0]);
        DataFrame grouped = keys.isEmpty() ? df.agg(aggArray) : df.groupBy(keyExprs.toArray(new Expr[0])).agg(aggArray);

        List<String> groupedNames = new ArrayList<>(keys.values());
        groupedNames.addAll(aggregates.keySet());
        List<SortKey> sort = resolveOrder(s.orderBy(), outputs);
        if (sort == null) {
            throw new PlanException("ORDER BY " + unresolvedOrder(s.orderBy(), outputs).toSql()
                    + " is not a column of the result; with GROUP BY or aggregates, ORDER BY names a result column ("
                    + outputs.stream().map(Output::name).collect(Collectors.joining(", "))
                    + "), gives its position, or repeats a select-list expression");
        }
        DataFrame result = selectIfNeeded(grouped, outputs, groupedNames);
        return sort.isEmpty() ? result : result.sort(sort.toArray(new SortKey[0]));
    }

    /** The grouping keys, in order, each mapped to its column name. */
    private static Map<Expr, String> groupKeys(List<Expr> groupBy, List<SelectItem.Single> items) {
        Map<Expr, String> keys = new LinkedHashMap<>();
        for (Expr g : groupBy) {
            SelectItem.Single item = null;
            if (g instanceof Literal l && l.value() instanceof Long position) {
                item = itemAt(items, position, "GROUP BY");
            } else if (g instanceof Column c) {
                item = items.stream().filter(i -> c.name().equals(i.alias())).findFirst().orElse(null);
            }
            if (item != null) {
                if (ExprTrees.containsAggregate(item.expr())) {
                    throw new PlanException("GROUP BY " + g.toSql() + " refers to " + item.toSql()
                            + ", which is an aggregate; group by columns or expressions of them");
                }
                keys.putIfAbsent(item.expr(), item.outputName());
                continue;
            }
            String name = items.stream().filter(i -> i.expr().equals(g) && i.alias() != null)
                    .map(SelectItem.Single::alias).findFirst().orElse(g.outputName());
            keys.putIfAbsent(g, name);
        }
        return keys;
    }

    /**
     * What the final select computes for {@code item}, over the grouped frame's columns; adds what it needs
     * to {@code aggregates} (column name to aggregate expression).
     */
    private static Expr aggregateOutput(SelectItem.Single item, Map<Expr, String> keys, Map<String, Expr> aggregates) {
        Expr expr = item.expr();
        if (ExprTrees.containsAggregate(expr) && ExprTrees.columnsOutsideAggregates(expr).isEmpty()) {
            return col(addAggregate(aggregates, keys, item.outputName(), expr));
        }
        return ExprTrees.transform(expr, node -> {
            String key = keys.get(node);
            if (key != null) {
                return col(key);
            }
            if (node instanceof AggregateCall call) {
                return col(addAggregate(aggregates, keys, call.outputName(), call));
            }
            if (node instanceof Column c) {
                throw new PlanException("column '" + c.name() + "' must appear in GROUP BY or be used in an aggregate");
            }
            return null;
        });
    }

    /** Adds {@code expr} under {@code name} (made unique if taken by something else); returns the name used. */
    private static String addAggregate(Map<String, Expr> aggregates, Map<Expr, String> keys, String name, Expr expr) {
        String unique = name;
        for (int n = 2; keys.containsValue(unique)
                || (aggregates.containsKey(unique) && !aggregates.get(unique).equals(expr)); n++) {
            unique = name + "_" + n;
        }
        aggregates.put(unique, expr);
        return unique;
    }

    // ---- shared ----

    private static SelectItem.Single itemAt(List<SelectItem.Single> items, long position, String clause) {
        if (position < 1 || position > items.size()) {
            throw new PlanException(clause + " position " + position + " is not in the select list, which has "
                    + items.size() + " item" + (items.size() == 1 ? "" : "s"));
        }
        return items.get((int) position - 1);
    }

    /** Sort keys over result columns, or null if some entry is not a result column. */
    private static List<SortKey> resolveOrder(List<OrderItem> orderBy, List<Output> outputs) {
        List<SortKey> keys = new ArrayList<>();
        for (OrderItem o : orderBy) {
            String name = resultColumn(o.expr(), outputs);
            if (name == null) {
                return null;
            }
            keys.add(sortKey(col(name), o.ascending()));
        }
        return keys;
    }

    private static OrderItem unresolvedOrder(List<OrderItem> orderBy, List<Output> outputs) {
        return orderBy.stream().filter(o -> resultColumn(o.expr(), outputs) == null).findFirst().orElseThrow();
    }

    /** The result column {@code e} means in ORDER BY: a position, a result name, or a select item's expression. */
    private static String resultColumn(Expr e, List<Output> outputs) {
        if (e instanceof Literal l && l.value() instanceof Long position) {
            if (position < 1 || position > outputs.size()) {
                throw new PlanException("ORDER BY position " + position + " is not in the select list, which has "
                        + outputs.size() + " column" + (outputs.size() == 1 ? "" : "s"));
            }
            return outputs.get((int) (long) position - 1).name();
        }
        if (e instanceof Column c) {
            for (Output o : outputs) {
                if (o.name().equals(c.name())) {
                    return o.name();
                }
            }
        }
        for (Output o : outputs) {
            if (o.written().equals(e)) {
                return o.name();
            }
        }
        return null;
    }

    private static SortKey sortKey(Expr e, boolean ascending) {
        return ascending ? SortKey.asc(e) : SortKey.desc(e);
    }

    /** {@code df.select(outputs)}, or {@code df} itself when that would only repeat its columns. */
    private static DataFrame selectIfNeeded(DataFrame df, List<Output> outputs, List<String> columns) {
        boolean identity = outputs.size() == columns.size();
        for (int i = 0; identity && i < outputs.size(); i++) {
            identity = outputs.get(i).name().equals(columns.get(i))
                    && outputs.get(i).computed().equals(col(columns.get(i)));
        }
        if (identity) {
            return df;
        }
        return df.select(outputs.stream().map(o -> named(o.computed(), o.name())).toArray(Expr[]::new));
    }

    /** {@code e} named {@code name}, with an alias only when its own output name differs. */
    private static Expr named(Expr e, String name) {
        return e.outputName().equals(name) ? e : e.as(name);
    }

    private static void requireUniqueNames(List<Output> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (outputs.get(i).name().equals(outputs.get(j).name())) {
                    throw new PlanException("the result has two columns named '" + outputs.get(i).name()
                            + "' (select items " + (j + 1) + " and " + (i + 1) + "); give one a different name with AS");
                }
            }
        }
    }
}
