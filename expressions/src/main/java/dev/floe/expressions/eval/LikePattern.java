package dev.floe.expressions.eval;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A compiled LIKE / ILIKE pattern that matches UTF-8 bytes in place. Compiled once per evaluator.
 *
 * <p>The pattern becomes tokens: a byte to match, {@code ANY_ONE} ({@code _}, one whole character) or
 * {@code ANY_RUN} ({@code %}). Patterns with no {@code _} and {@code %} only at the ends are an equality,
 * prefix, suffix or substring test on bytes; the rest run the classic wildcard matcher that remembers the
 * last {@code %} and, on a mismatch, lets it swallow one more character (O(text x pattern) at worst, no
 * allocation). Positions stay on character boundaries, so {@code _} is one character, not one byte.
 *
 * <p>ILIKE folds ASCII letters on both sides when the pattern and the row are ASCII; a row (or pattern)
 * with other characters goes through a java.util.regex equivalent with Unicode case folding, decoding that
 * row to a String — the only allocating path.
 */
public final class LikePattern {
    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private enum Kind { EQUALS, PREFIX, SUFFIX, CONTAINS, ANY, GENERAL }

    private final Kind kind;
    private final int[] tokens;
    private final byte[] literal;
    private final boolean ignoreCase;
    private final boolean asciiPattern;
    private final Matcher regex;

    private LikePattern(Kind kind, int[] tokens, byte[] literal, boolean ignoreCase, boolean asciiPattern, Matcher regex) {
        this.kind = kind;
        this.tokens = tokens;
        this.literal = literal;
        this.ignoreCase = ignoreCase;
        this.asciiPattern = asciiPattern;
        this.regex = regex;
    }

    /** Compiles {@code pattern}; IllegalArgumentException if it ends with the escape character. */
    public static LikePattern compile(String pattern, String escape, boolean ignoreCase) {
        int esc = escape == null ? -1 : escape.codePointAt(0);
        java.util.List<Integer> tokens = new java.util.ArrayList<>();
        StringBuilder regex = new StringBuilder();
        boolean ascii = true;
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == esc) {
                if (i >= pattern.length()) {
                    throw new IllegalArgumentException("LIKE pattern '" + pattern + "' ends with its escape character '"
                            + escape + "'; escape it too to match it");
                }
                cp = pattern.codePointAt(i);
                i += Character.charCount(cp);
            } else if (cp == '%') {
                if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != ANY_RUN) {
                    tokens.add(ANY_RUN);
                    regex.append(".*");
                }
                continue;
            } else if (cp == '_') {
                tokens.add(ANY_ONE);
                regex.append('.');
                continue;
            }
            ascii &= cp < 0x80;
            regex.append(Pattern.quote(new String(Character.toChars(cp))));
            String text = new String(Character.toChars(ignoreCase && cp < 0x80 ? Character.toLowerCase(cp) : cp));
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                tokens.add(b & 0xFF);
            }
        }
        int[] t = tokens.stream().mapToInt(Integer::intValue).toArray();
        Matcher matcher = ignoreCase ? Pattern.compile(regex.toString(),
                Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher("") : null;
        if (ignoreCase) {
            return new LikePattern(Kind.GENERAL, t, null, true, ascii, matcher);
        }
        int first = 0;
        int last = t.length;
        boolean leading = last > 0 && t[0] == ANY_RUN;
        boolean trailing = last > (leading ? 1 : 0) && t[last - 1] == ANY_RUN;
        first += leading ? 1 : 0;
        last -= trailing ? 1 : 0;
        for (int k = first; k < last; k++) {
            if (t[k] < 0) {
                return new LikePattern(Kind.GENERAL, t, null, false, ascii, null);
            }
        }
        byte[] lit = new byte[Math.max(0, last - first)];
        for (int k = first; k < last; k++) {
            lit[k - first] = (byte) t[k];
        }
        Kind kind = leading && lit.length == 0 ? Kind.ANY : leading && trailing ? Kind.CONTAINS
                : leading ? Kind.SUFFIX : trailing ? Kind.PREFIX : Kind.EQUALS;
        return new LikePattern(kind, t, lit, false, ascii, null);
    }

    /** Whether bytes {@code start..end} of {@code buf} match. Not thread-safe (ILIKE reuses a Matcher). */
    public boolean matches(ArrowBuf buf, long start, long end) {
        int len = (int) (end - start);
        switch (kind) {
            case ANY:
                return true;
            case EQUALS:
                return len == literal.length && startsWith(buf, start);
            case PREFIX:
                return len >= literal.length && startsWith(buf, start);
            case SUFFIX:
                return len >= literal.length && startsWith(buf, end - literal.length);
            case CONTAINS:
                for (long k = start; k + literal.length <= end; k++) {
                    if (startsWith(buf, k)) {
                        return true;
                    }
                }
                return false;
            default:
                if (ignoreCase && !(asciiPattern && Utf8.isAscii(buf, start, end))) {
                    return regex.reset(TextParser.text(buf, start, len)).matches();
                }
                return general(buf, start, end);
        }
    }

    private boolean startsWith(ArrowBuf buf, long at) {
        for (int k = 0; k < literal.length; k++) {
            if (buf.getByte(at + k) != literal[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean general(ArrowBuf buf, long start, long end) {
        int[] t = tokens;
        int m = t.length;
        long s = start;
        int p = 0;
        int starP = -1;
        long starS = start;
        while (s < end) {
            int tok = p < m ? t[p] : Integer.MIN_VALUE;
            if (tok == ANY_ONE) {
                s = Math.min(end, s + Utf8.charLength(buf.getByte(s)));
                p++;
            } else if (tok >= 0 && fold(buf.getByte(s)) == tok) {
                s++;
                p++;
            } else if (tok == ANY_RUN) {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                starS = Math.min(end, starS + Utf8.charLength(buf.getByte(starS)));
                s = starS;
            } else {
                return false;
            }
        }
        while (p < m && t[p] == ANY_RUN) {
            p++;
        }
        return p == m;
    }

    private int fold(byte b) {
        int x = b & 0xFF;
        return ignoreCase && x >= 'A' && x <= 'Z' ? x + 32 : x;
    }
}
