package dev.floe.io;

/**
 * A row skipped under {@code ignoreErrors}: where it is and why. {@code line} is the 1-based physical line
 * where the record starts; {@code byteOffset} its offset in the file; {@code column} the column at fault,
 * or null when the row as a whole is (a wrong number of fields); {@code rawText} the record as it stands in
 * the file, truncated to about 1 KB.
 */
public record Reject(String file, long line, long byteOffset, String column, String rawText, String reason) {
}
