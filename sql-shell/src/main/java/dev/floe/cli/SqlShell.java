package dev.floe.cli;

import dev.floe.dataframe.QueryFuture;
import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.ProgressListener;
import dev.floe.sql.SqlParser;
import dev.floe.sql.SqlResult;
import dev.floe.sql.SqlSession;
import dev.floe.sql.Statement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: {@code floe sql} on a terminal.
 *
 * <p>JLine reads statements: input goes on over several lines until a {@code ;} ends it (outside
 * strings and comments); Tab completes keywords, functions, views, tables and the columns the session
 * has seen, and after {@code alias.} that source's columns ({@link SqlCompleter}); history is kept in {@code $FLOE_HISTORY} or {@code ~/.floe_history}, saved after each entry.
 * Lines starting with {@code \} are shell commands ({@code \help}). Ctrl-C at the prompt clears the
 * input; while a query runs it cancels the query (its tasks stop, its memory is freed) and the prompt
 * comes back. Ctrl-D or {@code \q} leaves.
 */
final class SqlShell {
    static final String HELP = """
            Statements end with ';' and may span lines. Tab completes names.
              SELECT ... FROM read_csv('data/*.csv') | 'data/*.csv' | view [JOIN ... ON ... | USING (k)] ...
                joins: [LEFT|RIGHT|FULL] JOIN, SEMI JOIN, ANTI JOIN, CROSS JOIN, FROM a, b WHERE a.k = b.k
                WHERE x [NOT] IN (SELECT ...), EXISTS (SELECT ...); SELECT t.*, ...; SELECT 1 + 2 (no FROM)
              CREATE [OR REPLACE] VIEW v AS SELECT ...    CREATE TABLE t AS SELECT ... (kept in memory)
              COPY (SELECT ...) TO 'out.csv' (FORMAT csv|arrow)    DESCRIBE source    SHOW TABLES
              EXPLAIN [ANALYZE] SELECT ...    SET threads|memory_limit|block_size|split_every|format = value
            Shell commands:
              \\timing [on|off]   show the time each statement took
              \\format table|csv|json|markdown
              \\help              this text
              \\q                 quit (or Ctrl-D)
            Ctrl-C cancels a running query (also CREATE TABLE ... AS, COPY), or clears the input at the prompt.
            """;

    private SqlShell() {
    }

    static int run(SqlSession session, boolean timing) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return new Loop(session, terminal, timing).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** {@code $FLOE_HISTORY}, else {@code ~/.floe_history}. */
    static Path historyFile() {
        String env = System.getenv("FLOE_HISTORY");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".floe_history");
    }

    static final class Loop {
        private final SqlSession session;
        private final Terminal terminal;
        private final PrintWriter out;
        private final LineReader reader;
        private final AtomicReference<QueryFuture<?>> running = new AtomicReference<>();
        private boolean timing;

        Loop(SqlSession session, Terminal terminal, boolean timing) {
            this.session = session;
            this.terminal = terminal;
            this.out = terminal.writer();
            this.timing = timing;
            DefaultParser parser = new SqlLineParser();
            parser.setEscapeChars(new char[0]);
            this.reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("floe")
                    .parser(parser)
                    .completer(new SqlCompleter(session))
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ...> ")
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.HISTORY_INCREMENTAL, true)
                    .build();
            terminal.handle(Terminal.Signal.INT, signal -> {
                QueryFuture<?> q = running.get();
                if (q != null) {
                    q.cancel();
                }
            });
        }

        int run() {
            out.println("Floe SQL shell. End statements with ';'. \\help for help, \\q or Ctrl-D to quit.");
            while (true) {
                String line;
                try {
                    line = reader.readLine("floe> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("\\")) {
                    if (!command(trimmed)) {
                        break;
                    }
                    continue;
                }
                execute(line);
            }
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                out.println("could not save the history to " + historyFile() + ": " + e.getMessage());
            }
            out.flush();
            return 0;
        }

        /** Runs a shell command; false to quit. */
        boolean command(String text) {
            String[] words = text.split("\\s+");
            switch (words[0]) {
                case "\\q", "\\quit" -> {
                    return false;
                }
                case "\\help", "\\h", "\\?" -> out.print(HELP);
                case "\\timing" -> {
                    timing = words.length > 1 ? words[1].equalsIgnoreCase("on") : !timing;
                    out.println("Timing is " + (timing ? "on" : "off") + ".");
                }
                case "\\format" -> {
                    if (words.length < 2) {
                        out.println("Output format is " + session.format() + " (table, csv, json, markdown).");
                    } else {
                        try {
                            session.setFormat(words[1]);
                            out.println("Output format is " + session.format() + ".");
                        } catch (RuntimeException e) {
                            out.println("Error: " + e.getMessage());
                        }
                    }
                }
                default -> out.println("unknown command " + words[0] + "; \\help lists the commands");
            }
            out.flush();
            return true;
        }

        /** Remembers the running query for Ctrl-C and draws a progress bar on standard error. */
        private final SqlSession.QueryObserver observer = new SqlSession.QueryObserver() {
            @Override
            public void started(QueryFuture<?> query, dev.floe.dataframe.DataFrame frame) {
                running.set(query);
            }

            @Override
            public ProgressListener progress() {
                return new ProgressBar(System.err);
            }
        };

        void execute(String text) {
            List<SqlParser.ScriptStatement> statements;
            try {
                statements = SqlParser.split(text);
            } catch (RuntimeException e) {
                error(e);
                return;
            }
            for (SqlParser.ScriptStatement s : statements) {
                try {
                    Statement statement = s.parse();
                    long started = System.nanoTime();
                    try (SqlResult result = session.execute(statement, observer)) {
                        out.print(ResultPrinter.render(result, session.format(), false));
                        if (timing) {
                            out.println("Run Time: " + ResultPrinter.seconds(System.nanoTime() - started));
                        }
                    } finally {
                        running.set(null);
                    }
                } catch (CancelledException e) {
                    out.println("Query cancelled.");
                    out.flush();
                    return;
                } catch (RuntimeException e) {
                    if (isCancel(e)) {
                        out.println("Query cancelled.");
                        out.flush();
                        return;
                    }
                    error(e);
                    return;
                }
                out.flush();
            }
        }

        private static boolean isCancel(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CancelledException) {
                    return true;
                }
            }
            return false;
        }

        private void error(RuntimeException e) {
            out.println("Error: " + ErrorMessages.describe(e));
            out.flush();
        }
    }

    /** JLine's parser, asking for more lines until the statement ends with ';' (shell commands end at the line). */
    static final class SqlLineParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("\\") && !SqlParser.isComplete(line)) {
                    throw new EOFError(-1, -1, "the statement goes on until ';'", ";");
                }
            }
            return super.parse(line, cursor, context);
        }
    }
}
