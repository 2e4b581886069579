package dev.floe.cli;

import dev.floe.dataframe.Table;
import dev.floe.dataframe.TableFormatter;
import dev.floe.sql.SqlPlanner;
import java.io.PrintStream;

/** {@code floe sql -e "<query>" [--format table|csv]}. */
final class SqlCommand {
    private SqlCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) {
        args.allowOnly("e", "format");
        String sql = args.get("e", null);
        if (sql == null) {
            if (!args.positional().isEmpty()) {
                sql = String.join(" ", args.positional());
            } else {
                throw new UsageException("give a statement: floe sql -e \"SELECT ...\" (the interactive shell comes later)");
            }
        }
        String format = args.get("format", "table");
        if (!format.equals("table") && !format.equals("csv")) {
            throw new UsageException("--format must be table or csv, got '" + format + "'");
        }
        try (Table t = SqlPlanner.plan(sql).compute()) {
            if (format.equals("csv")) {
                StringBuilder sb = new StringBuilder();
                TableFormatter.csv(t, sb);
                out.print(sb);
            } else {
                out.print(TableFormatter.text(t, 40));
            }
        }
        return 0;
    }
}
