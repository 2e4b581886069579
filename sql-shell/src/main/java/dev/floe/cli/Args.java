package dev.floe.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code -e value} options plus positional words. */
final class Args {
    private final Map<String, String> options;
    private final List<String> positional;

    private Args(Map<String, String> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    static Args parse(String[] args) {
        return parse(args, java.util.Set.of());
    }

    /** As {@link #parse(String[])}, where the options named in {@code flags} take no value (they get "true"). */
    static Args parse(String[] args, java.util.Set<String> flags) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
                String name = a.replaceFirst("^--?", "");
                int eq = name.indexOf('=');
                if (eq < 0 && flags.contains(name)) {
                    options.put(name, "true");
                } else if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new UsageException("option " + a + " needs a value");
                }
            } else {
                positional.add(a);
            }
        }
        return new Args(options, positional);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String require(String name) {
        String v = options.get(name);
        if (v == null) {
            throw new UsageException("missing --" + name);
        }
        return v;
    }

    long getLong(String name, long fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, got '" + v + "'");
        }
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    List<String> positional() {
        return positional;
    }

    void allowOnly(String... names) {
        for (String k : options.keySet()) {
            if (!List.of(names).contains(k)) {
                throw new UsageException("unknown option --" + k + "; options: --" + String.join(", --", names));
            }
        }
    }
}
