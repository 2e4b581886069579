package dev.floe.io.csv;

import dev.floe.io.CsvOptions;

/** The user's date and timestamp patterns (null: ISO 8601 only). A value is tried against its pattern, then ISO. */
public record Formats(StrftimeFormat date, StrftimeFormat timestamp) {
    public static final Formats ISO = new Formats(null, null);

    public static Formats of(CsvOptions options) {
        if (options.dateFormat() == null && options.timestampFormat() == null) {
            return ISO;
        }
        return new Formats(options.dateFormat() == null ? null : StrftimeFormat.compile(options.dateFormat()),
                options.timestampFormat() == null ? null : StrftimeFormat.compile(options.timestampFormat()));
    }

    long micros(byte[] a, int s, int e) {
        if (timestamp != null) {
            try {
                return timestamp.parseMicros(a, s, e);
            } catch (ParseFailure f) {
                // fall through to a date pattern, then ISO
            }
        }
        if (date != null) {
            try {
                return date.parseMicros(a, s, e);
            } catch (ParseFailure f) {
                // ISO
            }
        }
        return ValueParsers.parseTimestampMicros(a, s, e, true);
    }

    int days(byte[] a, int s, int e) {
        if (date != null) {
            try {
                return date.parseDays(a, s, e);
            } catch (ParseFailure f) {
                // ISO
            }
        }
        return ValueParsers.parseDateDays(a, s, e);
    }

    /** The date/timestamp candidates the patterns give {@code a[s, e)} (ISO is {@link ValueParsers#classify}'s). */
    int classify(byte[] a, int s, int e) {
        int bits = 0;
        if (date != null) {
            try {
                date.parseMicros(a, s, e);
                bits |= ValueParsers.CAN_DATE | ValueParsers.CAN_TIMESTAMP;
            } catch (ParseFailure f) {
                // not a date
            }
        }
        if (timestamp != null) {
            try {
                timestamp.parseMicros(a, s, e);
                bits |= ValueParsers.CAN_TIMESTAMP;
            } catch (ParseFailure f) {
                // not a timestamp
            }
        }
        return bits;
    }
}
