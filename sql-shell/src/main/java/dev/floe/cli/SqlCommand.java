package dev.floe.cli;

import dev.floe.sql.SqlParser;
import dev.floe.sql.SqlResult;
import dev.floe.sql.SqlSession;
import dev.floe.sql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code floe sql}: runs statements from {@code -e "..."}, {@code -f script.sql} or standard input when
 * it is not a terminal; with none of these on a terminal, the interactive shell ({@link SqlShell}).
 *
 * <p>Batch runs print each statement's result in turn on standard output and errors on standard error;
 * the exit status is 1 at the first error (the rest is not run), unless {@code --continue-on-error},
 * which runs everything and exits 1 if anything failed.
 */
final class SqlCommand {
    static final Set<String> FLAGS = Set.of("continue-on-error", "timing");

    /** A progress bar on standard error while a query runs (ProgressBar draws only on a terminal). */
    static final SqlSession.QueryObserver PROGRESS = new SqlSession.QueryObserver() {
        @Override
        public void started(dev.floe.dataframe.QueryFuture<?> query, dev.floe.dataframe.DataFrame frame) {
        }

        @Override
        public dev.floe.scheduler.ProgressListener progress() {
            return new ProgressBar(System.err);
        }
    };

    private SqlCommand() {
    }

    static int run(String[] rawArgs, InputStream in, PrintStream out, PrintStream err) {
        Args args = Args.parse(rawArgs, FLAGS);
        args.allowOnly("e", "f", "format", "continue-on-error", "timing");
        try (SqlSession session = new SqlSession()) {
            if (args.get("format", null) != null) {
                String format = args.get("format", null);
                if (!SqlSession.FORMATS.contains(format)) {
                    throw new UsageException("--format must be one of " + String.join(", ", SqlSession.FORMATS)
                            + ", got '" + format + "'");
                }
                session.setFormat(format);
            }
            String script = args.get("e", null);
            if (script == null && args.get("f", null) != null) {
                try {
                    script = Files.readString(Path.of(args.get("f", null)), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UsageException("cannot read " + args.get("f", null) + ": " + e.getMessage());
                }
            }
            if (script == null && !args.positional().isEmpty()) {
                script = String.join(" ", args.positional());
            }
            if (script == null) {
                if (System.console() != null && in == System.in) {
                    return SqlShell.run(session, args.flag("timing"));
                }
                try {
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return runScript(session, script, args.flag("continue-on-error"), args.flag("timing"), out, err);
        }
    }

    /** Runs each statement of {@code script} in turn; returns the exit status. */
    static int runScript(SqlSession session, String script, boolean continueOnError, boolean timing,
                         PrintStream out, PrintStream err) {
        List<SqlParser.ScriptStatement> statements;
        try {
            statements = SqlParser.split(script);
        } catch (RuntimeException e) {
            err.println("Error: " + ErrorMessages.describe(e));
            return 1;
        }
        int status = 0;
        for (SqlParser.ScriptStatement s : statements) {
            try {
                Statement statement = s.parse();
                try (SqlResult result = session.execute(statement, PROGRESS)) {
                    out.print(ResultPrinter.render(result, session.format(), timing));
                    out.flush();
                }
            } catch (RuntimeException e) {
                err.println("Error: " + ErrorMessages.describe(e));
                status = 1;
                if (!continueOnError) {
                    return status;
                }
            }
        }
        return status;
    }
}
