package dev.floe.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code floe} command line. Only this package writes to the terminal: standard output for
 * results, standard error for errors, exit status 1 on the first error.
 */
public final class Main {
    static final String USAGE = """
            Usage: floe <command> [options]

              demo [--rows-per-file N] [--files N] [--cache DIR]
                  The canonical query (mean of value per hour of timestamp) on a generated sample
                  table, through the Java API.
              gen timeseries|quoted --out DIR --files N --rows-per-file M [--seed S]
                  Writes the sample table (part-00000.csv ...) or the quoted one (quoted-00000.csv ...) into DIR.
              sql [-e "<statements>" | -f script.sql] [--format table|csv|json|markdown] [--continue-on-error]
                  Runs SQL statements (separated by ';') over CSV files, e.g.
                  SELECT hour(timestamp) AS hour, avg(value) FROM read_csv('data/*.csv') GROUP BY hour ORDER BY hour
                  Reads standard input when it is not a terminal; with neither, opens the interactive
                  shell (history in ~/.floe_history or $FLOE_HISTORY; \\help lists its commands).
              help
                  This text.

            Environment: FLOE_JAVA_OPTS (JVM options for the launcher), -Dfloe.threads=N (worker threads).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code in} as standard input. */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 1;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "demo":
                    return DemoCommand.run(Args.parse(rest), out);
                case "gen":
                    return GenCommand.run(rest, out);
                case "sql":
                    return SqlCommand.run(rest, in, out, err);
                case "help":
                case "--help":
                case "-h":
                    out.print(USAGE);
                    return 0;
                default:
                    err.println("floe: unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    return 1;
            }
        } catch (UsageException e) {
            err.println("floe " + args[0] + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("Error: " + ErrorMessages.describe(e));
            return 1;
        }
    }
}
