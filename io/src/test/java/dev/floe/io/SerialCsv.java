package dev.floe.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The test oracle: a plain serial RFC 4180 parse of a whole text, one character at a time, written
 * independently of the reader. Records end at LF, CR or CRLF outside quotes; empty lines are skipped; an
 * unquoted empty field is null, a quoted one the empty string; {@code escape == quote} means doubling.
 */
final class SerialCsv {
    private SerialCsv() {
    }

    static List<List<String>> parse(String text, char delimiter, char quote, char escape) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;      // the current field began with a quote
        boolean inside = false;      // inside its quotes
        boolean fieldStarted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inside) {
                if (escape != quote && c == escape) {
                    field.append(text.charAt(++i));
                } else if (c == quote) {
                    if (escape == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        field.append(quote);
                        i++;
                    } else {
                        inside = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            if (c == quote && !fieldStarted) {
                quoted = true;
                inside = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                record.add(quoted || field.length() > 0 ? field.toString() : null);
                field.setLength(0);
                quoted = false;
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (!record.isEmpty() || quoted || field.length() > 0) {
                    record.add(quoted || field.length() > 0 ? field.toString() : null);
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                quoted = false;
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (!record.isEmpty() || quoted || field.length() > 0) {
            record.add(quoted || field.length() > 0 ? field.toString() : null);
            records.add(record);
        }
        return records;
    }
}
