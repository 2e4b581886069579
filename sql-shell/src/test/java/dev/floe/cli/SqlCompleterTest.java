package dev.floe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.Floe;
import dev.floe.sql.SqlResult;
import dev.floe.sql.SqlSession;
import dev.floe.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion through JLine's own path: the shell's line parser splits the buffer at the cursor, the
 * completer fills the candidate list, and the candidates JLine would offer are those whose value starts
 * with the word typed. The expected columns are the header lines the test writes.
 */
class SqlCompleterTest {
    private static final List<String> LOGS = List.of("ts", "level", "msg", "id");
    private static final List<String> PEOPLE = List.of("id", "name", "age");

    @TempDir
    Path dir;
    private SqlSession session;
    private SqlCompleter completer;
    private String logsFile;

    @BeforeEach
    void setUp() throws Exception {
        Path logs = dir.resolve("logs.csv");
        Files.writeString(logs, String.join(",", LOGS) + "\n2026-01-01 00:00:00,INFO,hello,1\n");
        Path people = dir.resolve("people.csv");
        Files.writeString(people, String.join(",", PEOPLE) + "\n1,alice,30\n");
        logsFile = logs.toString();
        session = new SqlSession();
        run("CREATE VIEW logs AS SELECT * FROM '" + logs + "'");
        run("CREATE TABLE people AS SELECT * FROM '" + people + "'");
        completer = new SqlCompleter(session);
    }

    @AfterEach
    void tearDown() {
        session.close();
        assertEquals(0, Floe.rootAllocator().getAllocatedMemory(), "Arrow memory leaked");
    }

    private void run(String sql) {
        for (Statement s : session.parse(sql)) {
            try (SqlResult r = session.execute(s)) {
                // executed for its effect on the session
            }
        }
    }

    /** What JLine offers with the cursor at the '|' of {@code text}. */
    private Set<String> offered(String text) {
        int cursor = text.indexOf('|');
        String buffer = text.substring(0, cursor) + text.substring(cursor + 1);
        ParsedLine line = new SqlShell.SqlLineParser().parse(buffer, cursor, ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        String word = line.word().substring(0, line.wordCursor());
        return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(word))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> qualified(String prefix, List<String> columns) {
        return columns.stream().map(c -> prefix + c).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void anAliasDeclaredLaterInTheStatementOffersItsSourcesColumns() {
        assertEquals(qualified("l.", LOGS), offered("SELECT l.| FROM logs l JOIN people AS p ON l.id = p.id"));
        assertEquals(Set.of("p.name"), offered("SELECT l.msg, p.na| FROM logs l JOIN people AS p ON l.id = p.id"));
        assertEquals(qualified("p.", PEOPLE), offered("SELECT * FROM logs l JOIN people AS p ON p.|"));
    }

    @Test
    void aViewOrTableNameOffersItsColumns() {
        assertEquals(qualified("logs.", LOGS), offered("SELECT logs.|"));
        assertEquals(qualified("people.", PEOPLE), offered("SELECT * FROM logs LEFT JOIN people ON people.|"));
        assertEquals(Set.of("LOGS.level"), offered("SELECT LOGS.le|"), "an unquoted name is case-insensitive");
    }

    @Test
    void joinWordsAfterASourceAreNotAliases() {
        assertEquals(Set.of(), offered("SELECT left.| FROM logs LEFT JOIN people p ON true"));
        assertEquals(qualified("p.", PEOPLE), offered("SELECT p.| FROM logs LEFT JOIN people p ON true"));
    }

    @Test
    void insideACallAndOverSeveralLines() {
        assertEquals(qualified("count(l.", LOGS), offered("SELECT count(l.|\nFROM logs l\nWHERE l.level = 'INFO'"));
        assertEquals(qualified("l.id,l.", LOGS), offered("SELECT l.id,l.|\nFROM\n  logs AS l"));
    }

    @Test
    void aFileSourceOffersItsColumnsOnceTheSessionHasReadIt() {
        run("SELECT count(*) FROM '" + logsFile + "'");
        assertEquals(qualified("f.", LOGS), offered("SELECT f.| FROM '" + logsFile + "' f"));
        assertEquals(qualified("r.", LOGS), offered("SELECT r.| FROM read_csv('" + logsFile + "', header = true) AS r"));
        assertEquals(qualified("x.", PEOPLE), offered("SELECT x.| FROM read_csv('" + logsFile + "') f, people x"));
    }

    @Test
    void anUnknownQualifierOffersNothingRatherThanEveryName() {
        assertEquals(Set.of(), offered("SELECT q.| FROM logs l"));
        assertEquals(Set.of(), offered("SELECT s.| FROM (SELECT id FROM logs) s"));
    }

    @Test
    void unqualifiedWordsStillOfferKeywordsFunctionsTablesAndColumns() {
        Set<String> all = offered("SELECT |");
        assertTrue(all.containsAll(Set.of("select", "logs", "people", "name", "level", "count(")), all.toString());
        assertEquals(Set.of("people"), offered("SELECT * FROM peo|"));
        assertTrue(offered("SELECT count(na|").contains("count(name"), offered("SELECT count(na|").toString());
    }

    @Test
    void columnsThatMustBeQuotedAreQuoted() {
        assertEquals("\"Level\"", SqlCompleter.quoteIfNeeded("Level"));
        assertEquals("\"order\"", SqlCompleter.quoteIfNeeded("order"));
        assertEquals("a_1", SqlCompleter.quoteIfNeeded("a_1"));
        assertEquals(Arrays.asList(), new ArrayList<>(SqlCompleter.aliases("SELECT 'unclosed").values()));
    }
}
