package dev.floe.sql;

import dev.floe.expressions.PlanException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them: {@code 4GB}, {@code 512 MiB}, {@code 1.5GB}, {@code 65536}. */
final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*");

    private ByteSizes() {
    }

    /** Bytes in {@code text}; KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024, B or nothing bytes. */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new PlanException("cannot read '" + text + "' as a size; write e.g. '4GB', '512MiB' or 1048576");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double scale = switch (unit) {
            case "", "b", "byte", "bytes" -> 1;
            case "k", "kb" -> 1e3;
            case "m", "mb" -> 1e6;
            case "g", "gb" -> 1e9;
            case "t", "tb" -> 1e12;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            case "tib" -> 1024.0 * 1024 * 1024 * 1024;
            default -> throw new PlanException("unknown unit '" + m.group(2) + "' in '" + text
                    + "'; units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB");
        };
        double bytes = n * scale;
        if (bytes >= Long.MAX_VALUE) {
            throw new PlanException("size '" + text + "' is too large");
        }
        return Math.round(bytes);
    }

    static String format(long n) {
        if (n == Long.MAX_VALUE) {
            return "unlimited";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return (long) v + units[u];
    }
}
