package dev.floe.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A golden SQL file, in the spirit of sqllogictest: blocks separated by blank lines, {@code #} comments.
 *
 * <pre>
 * statement ok              the statement must succeed
 * CREATE VIEW v AS ...
 *
 * statement error           it must fail, with a message containing the text after ----
 * SELECT nope FROM v
 * ----
 * unknown column 'nope'
 *
 * query [rowsort]           its rows, tab-separated (NULL, (empty) for ''), in order or sorted (rowsort)
 * SELECT a, b FROM v
 * ----
 * 1	x
 * </pre>
 *
 * {@code ${data}} in SQL stands for the directory of the fixtures, {@code ${tmp}} for a fresh temporary
 * directory; both are put back in results, so outputs that name files are stable.
 */
record GoldenFile(List<Block> blocks) {

    /** One block: its kind ("statement ok", "statement error", "query"), flags, SQL, expected text, line. */
    record Block(String kind, List<String> flags, String sql, String expected, int line) {
        boolean hasExpected() {
            return expected != null;
        }

        String render(String actual) {
            StringBuilder sb = new StringBuilder(kind);
            for (String f : flags) {
                sb.append(' ').append(f);
            }
            sb.append('\n').append(sql).append('\n');
            if (actual != null) {
                sb.append("----\n");
                if (!actual.isEmpty()) {
                    sb.append(actual).append('\n');
                }
            }
            return sb.toString();
        }
    }

    /** A comment line kept when the file is rewritten. */
    record Comment(String text) {
    }

    static List<Object> parse(String text) {
        List<Object> items = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank()) {
                i++;
                continue;
            }
            if (line.startsWith("#")) {
                items.add(new Comment(line));
                i++;
                continue;
            }
            int start = i + 1;
            String[] header = line.trim().split("\\s+");
            String kind;
            List<String> flags = new ArrayList<>();
            if (header[0].equals("statement") && header.length >= 2 && (header[1].equals("ok") || header[1].equals("error"))) {
                kind = "statement " + header[1];
                flags.addAll(List.of(header).subList(2, header.length));
            } else if (header[0].equals("query")) {
                kind = "query";
                flags.addAll(List.of(header).subList(1, header.length));
            } else {
                throw new IllegalArgumentException("line " + start + ": expected 'statement ok', 'statement error' or "
                        + "'query', found: " + line);
            }
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.length && !lines[i].isBlank() && !lines[i].equals("----")) {
                sql.append(sql.length() > 0 ? "\n" : "").append(lines[i]);
                i++;
            }
            String expected = null;
            if (i < lines.length && lines[i].equals("----")) {
                i++;
                StringBuilder exp = new StringBuilder();
                while (i < lines.length && !lines[i].isEmpty()) {
                    exp.append(exp.length() > 0 ? "\n" : "").append(lines[i]);
                    i++;
                }
                expected = exp.toString();
            }
            if (sql.length() == 0) {
                throw new IllegalArgumentException("line " + start + ": the block has no SQL");
            }
            items.add(new Block(kind, flags, sql.toString(), expected, start));
        }
        return items;
    }
}
