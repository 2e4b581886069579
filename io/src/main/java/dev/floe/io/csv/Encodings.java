package dev.floe.io.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encodings a CSV file may have. UTF-8 is read in place; the others are transcoded to UTF-8 while the
 * file is read ({@link TranscodingSource}), so every later stage sees UTF-8.
 */
public final class Encodings {
    public static final String UTF_8 = "UTF-8";
    public static final String LATIN_1 = "LATIN-1";
    public static final String UTF_16LE = "UTF-16LE";
    public static final String UTF_16BE = "UTF-16BE";
    public static final String UTF_16 = "UTF-16";

    private Encodings() {
    }

    /** The canonical name of {@code name} (case and spelling variants accepted). */
    public static String canonical(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "UTF-8": case "UTF8":
                return UTF_8;
            case "LATIN-1": case "LATIN1": case "ISO-8859-1": case "ISO8859-1":
                return LATIN_1;
            case "UTF-16LE": case "UTF16LE":
                return UTF_16LE;
            case "UTF-16BE": case "UTF16BE":
                return UTF_16BE;
            case "UTF-16": case "UTF16":
                return UTF_16;
            default:
                throw new IllegalArgumentException("unknown encoding '" + name
                        + "'; use one of utf-8, latin-1, utf-16, utf-16le, utf-16be");
        }
    }

    public static void check(String name) {
        canonical(name);
    }

    public static boolean isUtf8(String name) {
        return UTF_8.equals(canonical(name));
    }

    public static Charset charset(String name) {
        switch (canonical(name)) {
            case LATIN_1: return StandardCharsets.ISO_8859_1;
            case UTF_16LE: return StandardCharsets.UTF_16LE;
            case UTF_16BE: return StandardCharsets.UTF_16BE;
            case UTF_16: return StandardCharsets.UTF_16;
            default: return StandardCharsets.UTF_8;
        }
    }
}
