package dev.floe.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell in a real terminal: tmux runs {@code floe sql} (this test's class path) in a
 * pseudo-terminal, keys go in with {@code send-keys}, and the screen is read with {@code capture-pane}.
 * Checks completion, multi-line input, Ctrl-C cancelling a long query, a CREATE TABLE ... AS and a COPY
 * with the shell still usable (and no table or file left),
 * {@code \format} and {@code \timing}, and the history surviving a restart. Skipped when tmux is not installed.
 */
class ShellTmuxTest {
    @TempDir
    Path dir;
    private final String session = "floe-shell-test-" + ProcessHandle.current().pid();

    @AfterEach
    void killSession() throws Exception {
        run("tmux", "kill-session", "-t", session);
    }

    @Test
    void completionMultiLineCancelAndHistory() throws Exception {
        assumeTrue(run("tmux", "-V") == 0, "tmux is not installed");
        Path people = dir.resolve("people.csv");
        Files.writeString(people, "id,name,age\n1,alice,30\n2,bob,25\n3,carol,41\n");
        // Every row has the same key: a self-join of 40,000 rows makes 1.6 billion pairs, far longer than
        // the test waits, so the count runs until Ctrl-C.
        StringBuilder big = new StringBuilder("k,v\n");
        for (int i = 0; i < 40_000; i++) {
            big.append("1,").append(i).append('\n');
        }
        Path bigFile = dir.resolve("big.csv");
        Files.writeString(bigFile, big);
        Path history = dir.resolve("history");

        startShell(history);
        send("CREATE VIEW people AS SELECT * FROM '" + people + "';", "Enter");
        waitFor("Created view people");

        // Completion: a column of the view, then the view's name; multi-line until ';'.
        send("SELECT na", "Tab");
        waitFor("SELECT name");
        send("FROM peo", "Tab");
        waitFor("FROM people");
        send("Enter");
        waitFor("...>");
        send("ORDER BY age DESC;", "Enter");
        String screen = waitFor("3 rows in ");
        int carol = screen.indexOf("carol");
        int alice = screen.indexOf("alice");
        int bob = screen.indexOf("bob");
        assertTrue(carol > 0 && carol < alice && alice < bob, "rows in age order:\n" + screen);

        // A qualified name completes from the alias's columns (the alias declared before the cursor here).
        send("SELECT p.name FROM people p WHERE p.ag", "Tab");
        waitFor("WHERE p.age");
        send(" > 35;", "Enter");
        String one = waitFor("1 row in ");
        assertTrue(one.contains("carol"), one);

        // Ctrl-C cancels the running query and the shell goes on. Meanwhile the progress bar's clock moves
        // on although the one long join task reports no event; after the cancel no bar is left.
        send("SELECT count(*) FROM '" + bigFile + "' a JOIN '" + bigFile + "' b ON a.k = b.k;", "Enter");
        Thread.sleep(2000);
        assertTrue(!capture().contains("1600000000"), "the long query finished before Ctrl-C:\n" + capture());
        String before = lastElapsed();
        Thread.sleep(1500);
        String after = lastElapsed();
        assertTrue(!before.equals(after), "the progress bar's elapsed time stood at " + before + ":\n" + capture());
        send("C-c");
        waitFor("Query cancelled.");
        assertTrue(!capture().contains(" elapsed"), "a progress bar was left on the screen:\n" + capture());

        // So do CREATE TABLE ... AS and COPY: no table, no file, and the shell goes on.
        send("CREATE TABLE pairs AS SELECT count(*) AS n FROM '" + bigFile + "' a JOIN '" + bigFile + "' b ON a.k = b.k;",
                "Enter");
        Thread.sleep(2000);
        assertTrue(!capture().contains("Created table pairs"), "CREATE TABLE finished before Ctrl-C:\n" + capture());
        send("C-c");
        waitFor("Query cancelled.", 2);
        send("SELECT * FROM pairs;", "Enter");
        waitFor("unknown table or view 'pairs'");
        Path copied = dir.resolve("copied");
        send("COPY (SELECT a.k, count(*) AS n FROM '" + bigFile + "' a JOIN '" + bigFile + "' b ON a.k = b.k GROUP BY a.k) TO '"
                + copied + "' (PER_PARTITION);", "Enter");
        Thread.sleep(2000);
        assertTrue(!capture().contains("Wrote "), "COPY finished before Ctrl-C:\n" + capture());
        send("C-c");
        waitFor("Query cancelled.", 3);
        assertTrue(!Files.exists(copied), "a cancelled COPY left " + copied);
        send("\\format csv", "Enter");
        waitFor("Output format is csv.");
        send("\\timing on", "Enter");
        waitFor("Timing is on.");
        send("SELECT count(*) AS n FROM people;", "Enter");
        String csvScreen = waitFor("Run Time: ").replaceAll(" +\n", "\n");   // the erased progress bar leaves blanks
        assertTrue(csvScreen.contains("FROM people;\nn\n3\nRun Time: "), csvScreen);

        // History survives a restart.
        send("\\q", "Enter");
        waitForExit();
        List<String> saved = Files.readAllLines(history, StandardCharsets.UTF_8);
        assertTrue(saved.stream().anyMatch(l -> l.contains("SELECT count(*) AS n FROM people;")), saved.toString());
        run("tmux", "kill-session", "-t", session);
        startShell(history);
        send("Up");
        waitFor("floe> \\q");
        send("Up");
        waitFor("floe> SELECT count(*) AS n FROM people;");
        send("C-u", "C-d");   // Ctrl-D on an empty line leaves
        waitForExit();
    }

    private void startShell(Path history) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "FLOE_HISTORY='" + history + "' '" + java + "' --add-opens=java.base/java.nio=ALL-UNNAMED"
                + " -cp '" + System.getProperty("java.class.path") + "' dev.floe.cli.Main sql; echo SHELL-EXITED; sleep 30";
        int status = run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", command);
        assertTrue(status == 0, "tmux new-session failed");
        waitFor("floe> ");
    }

    private void waitForExit() throws Exception {
        waitFor("SHELL-EXITED");
    }

    private void send(String... keys) throws Exception {
        for (String k : keys) {
            boolean literal = !List.of("Enter", "Tab", "Up", "C-c", "C-u", "C-d").contains(k);
            // tmux reads an argument ending in ';' as a command separator: send that ';' as hex.
            boolean semicolon = literal && k.endsWith(";");
            String text = semicolon ? k.substring(0, k.length() - 1) : k;
            List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
            if (literal) {
                cmd.add("-l");
            }
            cmd.add(text);
            if (!text.isEmpty()) {
                run(cmd.toArray(new String[0]));
            }
            if (semicolon) {
                run("tmux", "send-keys", "-t", session, "-H", "3b");
            }
            Thread.sleep(150);
        }
    }

    private String capture() throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-t", session, "-S", "-500")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** The elapsed time of the progress bar on the screen ("00:02"). */
    private String lastElapsed() throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d\\d:\\d\\d) elapsed").matcher(capture());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertTrue(last != null, "no progress bar on the screen:\n" + capture());
        return last;
    }

    private String waitFor(String text) throws Exception {
        return waitFor(text, 1);
    }

    /** Waits until {@code text} appears {@code times} times on the screen (and its history). */
    private String waitFor(String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (screen.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return screen;
            }
            Thread.sleep(100);
        }
        fail("'" + text + "' did not appear " + times + " time(s); the screen:\n" + screen);
        return screen;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
