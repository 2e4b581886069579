package dev.floe.sql;

import dev.floe.expressions.ExprTrees;
import static dev.floe.expressions.Expressions.col;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.Floe;
import dev.floe.dataframe.SortKey;
import static java.util.Objects.requireNonNull;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Binary;
import dev.floe.expressions.ColumnNames;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.TypeChecker;
import dev.floe.expressions.Column;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Literal;
import dev.floe.expressions.PlanException;
import dev.floe.io.CsvOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Turns a {@link SelectStatement} into the same {@link DataFrame} plan the Java API builds: SQL is only a
 * front end.
 *
 * <pre>
 *  FROM read_csv(glob, header, delim)   Floe.readCsv(glob, CsvOptions...)
 *  FROM a [kind] JOIN b ON | USING      a.join(b, keys, INNER|LEFT|SEMI|ANTI); RIGHT, FULL, CROSS and
 *  FROM a, b                            FROM a, b built from those (JoinPlanner, Joins)
 *  no FROM                              Floe.oneRow(): one row, no columns, in memory
 *  x [NOT] IN (SELECT ...), EXISTS      semi joins, or joins with the subquery's values and counts
 *                                       (SubqueryPlanner)
 *  WHERE p                              .filter(p)
 *  GROUP BY / aggregates                .groupBy(keys).agg(aggregates)   (no GROUP BY: .agg(aggregates))
 *  select list                          .select(...)                     (left out when it changes nothing)
 *  ORDER BY                             .sort(SortKey...)
 *  LIMIT n                              .limit(n)
 * </pre>
 *
 * <p>Result columns are named by the alias, else by the column's name in its source for a column reference
 * ({@code b.name} is {@code name}), else {@link Expr#outputName()} ({@code avg(value)}); a name that repeats
 * gets {@code _1}, {@code _2}, ... ({@link ColumnNames}), as DuckDB names a subquery's columns.
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
 * position sorts the result after the select. With aggregates, other entries (keys or aggregates not
 * selected, such as {@code ORDER BY count(*) DESC}) sort the grouped frame before the final select. Without aggregates, an entry that is none of these (a
 * column that is not selected) makes the sort happen before the select, on the input columns, with
 * select-list aliases standing for their expressions.
 *
 * <p>Errors are {@link PlanException}s (the user's mistake); unknown columns and type errors come from
 * the DataFrame operations themselves.
 */
public final class SqlPlanner {
    /** The names a FROM clause can use besides files: the session's views and tables, and CTEs. */
    public interface Catalog {
        /** The frame called {@code name}, or null. */
        DataFrame lookup(String name);

        /** Every name, for messages. */
        Collection<String> names();

        Catalog EMPTY = new Catalog() {
            @Override
            public DataFrame lookup(String name) {
                return null;
            }

            @Override
            public Collection<String> names() {
                return List.of();
            }
        };
    }

    private final Catalog catalog;
    private final CsvOptions csvDefaults;
    private final BiConsumer<String, List<String>> sourceSeen;

    private SqlPlanner(Catalog catalog, CsvOptions csvDefaults, BiConsumer<String, List<String>> sourceSeen) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.csvDefaults = requireNonNull(csvDefaults, "csvDefaults is null");
        this.sourceSeen = requireNonNull(sourceSeen, "sourceSeen is null");
    }

    /** Parses {@code sql} and plans it; reads nothing until an action runs on the result. */
    public static DataFrame plan(String sql) {
        return plan(SqlParser.parseQuery(sql));
    }

    public static DataFrame plan(Query q) {
        return plan(q, Catalog.EMPTY, CsvOptions.defaults());
    }

    /**
     * Plans {@code q}; names in FROM are looked up in {@code catalog}, and {@code read_csv} starts from
     * {@code csvDefaults} (the session's block size) before applying its own options.
     */
    public static DataFrame plan(Query q, Catalog catalog, CsvOptions csvDefaults) {
        return plan(q, catalog, csvDefaults, (glob, columns) -> { });
    }

    /** As {@link #plan(Query, Catalog, CsvOptions)}, telling {@code sourceSeen} each read_csv glob and its columns. */
    public static DataFrame plan(Query q, Catalog catalog, CsvOptions csvDefaults,
                                 BiConsumer<String, List<String>> sourceSeen) {
        return new SqlPlanner(catalog, csvDefaults, sourceSeen).query(q);
    }

    /** A result column: its name, the select item's expression as written, and what the final select computes. */
    private record Output(String name, Expr written, Expr computed) {
    }

    // ---- queries ----

    private DataFrame query(Query q) {
        if (q instanceof SelectStatement s) {
            return select(s);
        }
        if (q instanceof Query.With w) {
            Map<String, DataFrame> ctes = new LinkedHashMap<>();
            Catalog outer = catalog;
            Catalog inner = new Catalog() {
                @Override
                public DataFrame lookup(String name) {
                    DataFrame df = ctes.get(name);
                    return df != null ? df : outer.lookup(name);
                }

                @Override
                public Collection<String> names() {
                    List<String> all = new ArrayList<>(ctes.keySet());
                    all.addAll(outer.names());
                    return all;
                }
            };
            SqlPlanner planner = new SqlPlanner(inner, csvDefaults, sourceSeen);
            for (Query.Cte cte : w.ctes()) {
                ctes.put(cte.name(), planner.query(cte.query()));
            }
            return planner.query(w.body());
        }
        Query.UnionAll u = (Query.UnionAll) q;
        DataFrame df = null;
        for (Query part : u.parts()) {
            DataFrame next = query(part);
            if (df != null && df.columns().size() != next.columns().size()) {
                throw new PlanException("UNION ALL needs the same number of columns on each side, but "
                        + df.columns() + " has " + df.columns().size() + " and " + next.columns() + " has "
                        + next.columns().size());
            }
            df = df == null ? next : df.unionAll(next);
        }
        List<Output> outputs = df.columns().stream().map(n -> new Output(n, col(n), col(n))).toList();
        List<SortKey> sort = resolveOrder(u.orderBy(), outputs);
        if (sort == null) {
            throw new PlanException("ORDER BY " + unresolvedOrder(u.orderBy(), outputs).toSql()
                    + " is not a column of the UNION ALL; order by a result column (" + String.join(", ", df.columns())
                    + ") or its position");
        }
        if (!sort.isEmpty()) {
            df = df.sort(sort.toArray(new SortKey[0]));
        }
        return limit(df, u.limit(), u.offset());
    }

    private static DataFrame limit(DataFrame df, Long limit, Long offset) {
        if (limit == null && offset == null) {
            return df;
        }
        long skip = offset == null ? 0 : offset;
        // No LIMIT: every row after the offset (Long.MAX_VALUE - skip, as limit + offset must not overflow).
        return df.limit(limit == null ? Long.MAX_VALUE - skip : limit, skip);
    }

    private DataFrame select(SelectStatement raw) {
        List<Expr> where = raw.where() == null ? new ArrayList<>() : new ArrayList<>(conjuncts(raw.where()));
        Relation from = raw.from() == null ? oneRow(raw) : source(raw.from(), where);
        SubqueryPlanner.Rewritten rewritten = new SubqueryPlanner(this::query).rewrite(raw, where, from);
        from = rewritten.relation();
        SelectStatement s = resolveColumns(rewritten.statement(), from);
        DataFrame df = from.df();
        if (s.where() != null) {
            df = df.filter(s.where());
        }
        boolean aggregate = !s.groupBy().isEmpty() || s.having() != null || s.items().stream()
                .anyMatch(i -> i instanceof SelectItem.Single single && ExprTrees.containsAggregate(single.expr()));
        df = aggregate ? planAggregate(df, s, from) : planProjection(df, s, from.withFrame(df));
        return limit(df, s.limit(), s.offset());
    }

    /** The one row, without columns, of a SELECT without FROM; a column reference is an error. */
    private static Relation oneRow(SelectStatement s) {
        for (SelectItem item : s.items()) {
            if (item instanceof SelectItem.Star) {
                throw new PlanException("SELECT " + item.toSql() + " needs a FROM clause: a SELECT without FROM has no columns");
            }
        }
        List<Expr> exprs = new ArrayList<>();
        s.items().forEach(i -> exprs.add(((SelectItem.Single) i).expr()));
        if (s.where() != null) {
            exprs.add(s.where());
        }
        s.groupBy().forEach(exprs::add);
        s.orderBy().forEach(o -> exprs.add(o.expr()));
        for (Expr e : exprs) {
            for (String c : ExprTrees.columns(e)) {
                if (!s.subqueries().containsKey(c) && !isAlias(c, s)) {
                    throw new PlanException("column '" + c + "' not found: a SELECT without FROM has no columns; "
                            + "read a table with FROM");
                }
            }
        }
        return new Relation(Floe.oneRow(), List.of(), List.of(), Map.of(), List.of());
    }

    private static boolean isAlias(String name, SelectStatement s) {
        return s.items().stream().anyMatch(i -> i instanceof SelectItem.Single single && name.equals(single.alias()));
    }

    // ---- FROM ----

    /**
     * The relation of {@code from}. {@code where} holds the WHERE's conjuncts: a cross join takes the
     * equalities between its two sides out of it as its keys (so {@code FROM a, b WHERE a.id = b.id} is an
     * inner join, not a cross product then a filter).
     */
    private Relation source(Source from, List<Expr> where) {
        if (from instanceof Source.ReadCsv csv) {
            Relation r = Relation.of(Floe.readCsv(csv.glob(), csvOptions(csv)), null);
            sourceSeen.accept(csv.glob(), r.names());
            return r;
        }
        if (from instanceof Source.Named named) {
            DataFrame df = catalog.lookup(named.name());
            if (df == null) {
                throw new PlanException(unknownTable(named.name()));
            }
            return Relation.of(df, named.name());
        }
        if (from instanceof Source.Subquery sub) {
            return Relation.of(query(sub.query()), null);
        }
        if (from instanceof Source.Aliased aliased) {
            return source(aliased.source(), where).qualified(aliased.alias());
        }
        return join((Source.Join) from, where);
    }

    private String unknownTable(String name) {
        StringBuilder sb = new StringBuilder("unknown table or view '").append(name).append("'");
        String nearest = catalog.names().stream()
                .min(java.util.Comparator.comparingInt((String n) -> TypeChecker.editDistance(n, name))).orElse(null);
        if (nearest != null && TypeChecker.editDistance(nearest, name) <= Math.max(2, name.length() / 3)) {
            sb.append("; did you mean '").append(nearest).append("'?");
        } else {
            sb.append('.');
        }
        if (catalog.names().isEmpty()) {
            return sb.append(" There are no views or tables yet: create one with CREATE VIEW ").append(name)
                    .append(" AS SELECT ..., or read a file with FROM 'path/*.csv'").toString();
        }
        return sb.append(" Tables and views: ").append(String.join(", ", new java.util.TreeSet<>(catalog.names())))
                .toString();
    }

    /** The read_csv options over the session's defaults (its block size, unless the call gives one). */
    private CsvOptions csvOptions(Source.ReadCsv csv) {
        return csvOptions(csv, csvDefaults);
    }

    static CsvOptions csvOptions(Source.ReadCsv csv, CsvOptions csvDefaults) {
        if (csv.options().isEmpty()) {
            return csvDefaults;
        }
        CsvOptions options;
        try {
            options = CsvOptions.fromMap(csv.options());
        } catch (IllegalArgumentException e) {
            throw new PlanException(e.getMessage());
        }
        if (!csv.options().containsKey("block_size")) {
            options = options.withBlockSize(csvDefaults.blockSize());
        }
        return options;
    }

    /**
     * Below the left side of a RIGHT or FULL join, whose rows may be padded with NULLs, a WHERE equality
     * is not a cross join's key: it must still filter the padded rows, so it stays in the WHERE.
     */
    private Relation join(Source.Join j, List<Expr> where) {
        boolean leftMayBePadded = j.kind() == Source.JoinKind.RIGHT || j.kind() == Source.JoinKind.FULL;
        Relation left = source(j.left(), leftMayBePadded ? new ArrayList<>(where) : where);
        return JoinPlanner.join(j, left, source(j.right(), new ArrayList<>(where)), where);
    }

    /** {@code e} as SQL, qualified names shown as written ({@code o.amount}, not {@code "o.amount"}). */
    static String sqlText(Expr e) {
        return e.toSql().replaceAll("\"([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)\"", "$1.$2");
    }

    static List<Expr> conjuncts(Expr e) {
        if (e instanceof Binary b && b.op() == BinaryOp.AND) {
            List<Expr> all = new ArrayList<>(conjuncts(b.left()));
            all.addAll(conjuncts(b.right()));
            return all;
        }
        return List.of(e);
    }

    /** {@code e} over {@code r}'s frame, or null if some column is not one of {@code r}'s. */
    static Expr tryResolve(Expr e, Relation r) {
        for (String name : ExprTrees.columns(e)) {
            if (r.resolve(name) == null) {
                return null;
            }
        }
        return resolve(e, r);
    }

    /** {@code e} with each {@code q.x} replaced by the frame's column; an unknown qualifier is an error. */
    static Expr resolve(Expr e, Relation r) {
        return ExprTrees.transform(e, node -> {
            if (node instanceof Column c) {
                String resolved = r.resolve(c.name());
                if (resolved != null) {
                    return resolved.equals(c.name()) ? node : col(resolved);
                }
                int dot = c.name().indexOf('.');
                if (dot > 0 && !r.knowsQualifier(c.name().substring(0, dot))) {
                    List<String> known = r.sourceNames();
                    throw new PlanException("'" + c.name() + "': no source is called '" + c.name().substring(0, dot)
                            + "'" + (known.isEmpty() ? "; name a source with FROM ... AS name"
                            : "; sources: " + String.join(", ", known)));
                }
                if (dot > 0) {
                    throw new PlanException(TypeChecker.unknownColumn(c.name().substring(dot + 1), r.df().schema())
                            + " (in " + c.name() + ")");
                }
            }
            return null;
        });
    }

    /**
     * {@code s} over {@code r}'s frame columns. A select item that is a bare unqualified name keeps that
     * name as its result name when it means a frame column of another name (a USING key).
     */
    private static SelectStatement resolveColumns(SelectStatement s, Relation r) {
        List<SelectItem> items = s.items().stream().map(i -> {
            if (!(i instanceof SelectItem.Single single)) {
                return i;
            }
            Expr resolved = resolve(single.expr(), r);
            String alias = single.alias();
            if (alias == null && single.expr() instanceof Column c && c.name().indexOf('.') < 0
                    && resolved instanceof Column rc && !rc.name().equals(c.name())) {
                alias = c.name();
            }
            return (SelectItem) new SelectItem.Single(resolved, alias);
        }).toList();
        return new SelectStatement(s.distinct(), items, s.from(), s.where() == null ? null : resolve(s.where(), r),
                s.groupBy().stream().map(g -> resolve(g, r)).toList(), s.having() == null ? null : resolve(s.having(), r),
                s.orderBy().stream().map(o -> o.withExpr(resolve(o.expr(), r))).toList(), s.limit(), s.offset());
    }

    // ---- without aggregates ----

    private static DataFrame planProjection(DataFrame df, SelectStatement s, Relation from) {
        List<Output> outputs = new ArrayList<>();
        for (SelectItem item : s.items()) {
            if (item instanceof SelectItem.Single single) {
                outputs.add(new Output(resultName(single, from), single.expr(), single.expr()));
            } else {
                for (Relation.StarColumn c : from.star(((SelectItem.Star) item).qualifier())) {
                    outputs.add(new Output(c.name(), col(c.column()), col(c.column())));
                }
            }
        }
        outputs = uniqueNames(outputs);
        List<SortKey> sortAfter = resolveOrder(s.orderBy(), outputs);
        if (sortAfter == null) {
            if (s.distinct()) {
                throw new PlanException("with SELECT DISTINCT, ORDER BY " + unresolvedOrder(s.orderBy(), outputs).toSql()
                        + " must be a column of the result (" + outputs.stream().map(Output::name)
                        .collect(Collectors.joining(", ")) + ") or its position");
            }
            df = df.sort(s.orderBy().stream()
                    .map(o -> sortKey(substituteAliases(o.expr(), s.items()), o))
                    .toArray(SortKey[]::new));
        }
        df = selectIfNeeded(df, outputs, df.schema().names());
        if (s.distinct()) {
            df = df.distinct();
        }
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

    private static DataFrame planAggregate(DataFrame df, SelectStatement s, Relation from) {
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
            outputs.add(new Output(resultName(item, from), item.expr(), aggregateOutput(item, keys, aggregates)));
        }
        outputs = uniqueNames(outputs);
        Expr having = s.having() == null ? null : havingOutput("HAVING", s.having(), outputs, keys, aggregates);
        // ORDER BY entries that are not result columns (count(*) when only the key is selected) sort the
        // grouped frame, before the final select, over keys and (possibly hidden) aggregates.
        List<SortKey> sort = resolveOrder(s.orderBy(), outputs);
        List<SortKey> sortGrouped = List.of();
        if (sort == null) {
            if (s.distinct()) {
                throw new PlanException("with SELECT DISTINCT, ORDER BY " + unresolvedOrder(s.orderBy(), outputs).toSql()
                        + " must be a column of the result (" + outputs.stream().map(Output::name)
                        .collect(Collectors.joining(", ")) + ") or its position");
            }
            sortGrouped = new ArrayList<>();
            for (OrderItem o : s.orderBy()) {
                String name = resultColumn(o.expr(), outputs);
                Expr e = name != null ? outputs.stream().filter(out -> out.name().equals(name)).findFirst().orElseThrow().computed()
                        : havingOutput("ORDER BY", o.expr(), outputs, keys, aggregates);
                sortGrouped.add(sortKey(e, o));
            }
            sort = List.of();
        }

        List<Expr> keyExprs = new ArrayList<>();
        keys.forEach((expr, name) -> keyExprs.add(named(expr, name)));
        List<Expr> aggExprs = new ArrayList<>();
        aggregates.forEach((name, expr) -> aggExprs.add(named(expr, name)));
        Expr[] aggArray = aggExprs.toArray(new Expr[0]);
        DataFrame grouped = keys.isEmpty() ? df.agg(aggArray) : df.groupBy(keyExprs.toArray(new Expr[0])).agg(aggArray);

        List<String> groupedNames = new ArrayList<>(keys.values());
        groupedNames.addAll(aggregates.keySet());
        if (having != null) {
            grouped = grouped.filter(having);
        }
        if (!sortGrouped.isEmpty()) {
            grouped = grouped.sort(sortGrouped.toArray(new SortKey[0]));
        }
        DataFrame result = selectIfNeeded(grouped, outputs, groupedNames);
        if (s.distinct()) {
            result = result.distinct();
        }
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

    /**
     * HAVING over the grouped frame's columns: keys and aggregates as columns (aggregates not selected
     * are added), a select-list alias standing for its item.
     */
    private static Expr havingOutput(String clause, Expr having, List<Output> outputs, Map<Expr, String> keys,
                                     Map<String, Expr> aggregates) {
        return ExprTrees.transform(having, node -> {
            String key = keys.get(node);
            if (key != null) {
                return col(key);
            }
            if (node instanceof AggregateCall call) {
                for (Map.Entry<String, Expr> a : aggregates.entrySet()) {
                    if (a.getValue().equals(call)) {
                        return col(a.getKey());
                    }
                }
                return col(addAggregate(aggregates, keys, call.outputName(), call));
            }
            if (node instanceof Column c) {
                for (Output o : outputs) {
                    if (o.name().equals(c.name())) {
                        return o.computed();
                    }
                }
                throw new PlanException(clause + " " + sqlText(having) + ": column '" + c.name()
                        + "' must appear in GROUP BY or be used in an aggregate");
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
            keys.add(sortKey(col(name), o));
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

    private static SortKey sortKey(Expr e, OrderItem o) {
        return new SortKey(e, o.ascending(), o.effectiveNullsFirst());
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

    /**
     * A select item's result name: its alias, else for a column its name in its source ({@code b.name}
     * reads the frame's {@code name_right} but is called {@code name}), else its output name.
     */
    private static String resultName(SelectItem.Single item, Relation from) {
        return item.alias() == null && item.expr() instanceof Column c ? from.sourceName(c.name()) : item.outputName();
    }

    /** {@code outputs} with repeated names made unique ({@link ColumnNames}). */
    private static List<Output> uniqueNames(List<Output> outputs) {
        List<String> names = ColumnNames.unique(outputs.stream().map(Output::name).toList());
        List<Output> out = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            out.add(new Output(names.get(i), o.written(), o.computed()));
        }
        return out;
    }
}
