package dev.floe.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON for the csv-spectrum expectations: an array of objects with string values. */
final class MiniJson {
    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    static List<Map<String, String>> parseRecords(String json) {
        return new MiniJson(json).records();
    }

    private List<Map<String, String>> records() {
        List<Map<String, String>> out = new ArrayList<>();
        expect('[');
        if (peek() == ']') {
            return out;
        }
        do {
            out.add(object());
        } while (comma());
        expect(']');
        return out;
    }

    private Map<String, String> object() {
        Map<String, String> map = new LinkedHashMap<>();
        expect('{');
        if (peek() == '}') {
            i++;
            return map;
        }
        do {
            String key = string();
            expect(':');
            map.put(key, string());
        } while (comma());
        expect('}');
        return map;
    }

    private boolean comma() {
        if (peek() == ',') {
            i++;
            return true;
        }
        return false;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'u': sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                    default: sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private char peek() {
        while (Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.charAt(i);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i + " of " + s);
        }
        i++;
    }
}
