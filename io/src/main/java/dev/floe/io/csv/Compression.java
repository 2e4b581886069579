package dev.floe.io.csv;

import java.util.Locale;

/** Compression codecs of CSV files, chosen by the {@code compression} option or the file's extension. */
public final class Compression {
    public static final String AUTO = "auto";
    public static final String NONE = "none";
    public static final String GZIP = "gzip";
    public static final String BZIP2 = "bz2";
    public static final String ZSTD = "zstd";

    private Compression() {
    }

    public static void check(String name) {
        switch (name) {
            case AUTO: case NONE: case GZIP: case BZIP2: case ZSTD:
                return;
            default:
                throw new IllegalArgumentException("unknown compression '" + name
                        + "'; use one of auto, none, gzip, bz2, zstd");
        }
    }

    /** The codec of {@code path} under option {@code option}: one of NONE, GZIP, BZIP2, ZSTD. */
    public static String of(String path, String option) {
        if (!AUTO.equals(option)) {
            return option;
        }
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".gz") || p.endsWith(".gzip")) {
            return GZIP;
        }
        if (p.endsWith(".bz2")) {
            return BZIP2;
        }
        if (p.endsWith(".zst") || p.endsWith(".zstd")) {
            return ZSTD;
        }
        return NONE;
    }
}
