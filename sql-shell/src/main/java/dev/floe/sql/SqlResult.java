package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.Table;

/** What running one statement gave: rows, a line of text saying what was done, or a block of text (EXPLAIN). */
public sealed interface SqlResult extends AutoCloseable {

    /** Wall time of the statement, parsing excluded. */
    long elapsedNanos();

    @Override
    default void close() {
    }

    /** Rows; the caller owns the table and closes it (through this result). */
    record Rows(Table table, long elapsedNanos) implements SqlResult {
        public Rows {
            requireNonNull(table, "table is null");
        }

        @Override
        public void close() {
            table.close();
        }
    }

    /** "Created view v", "Set threads to 4". */
    record Message(String text, long elapsedNanos) implements SqlResult {
        public Message {
            requireNonNull(text, "text is null");
        }
    }

    /** Preformatted text printed as it is: EXPLAIN output. */
    record Text(String text, long elapsedNanos) implements SqlResult {
        public Text {
            requireNonNull(text, "text is null");
        }
    }
}
