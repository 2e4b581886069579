package dev.floe.io.csv;

import dev.floe.io.CsvOptions;
import dev.floe.io.FloeIOException;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.FileEntry;
import dev.floe.io.fs.Storage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens a CSV file's bytes as the scanner wants them: UTF-8, uncompressed. A plain UTF-8 file is read in
 * place ({@link Storage#open}, positional reads, splittable). A compressed file, or one in another encoding,
 * is decoded as a stream ({@link StreamSource}) and is one split: its decoded length is unknown
 * ({@link #UNKNOWN_LENGTH}).
 *
 * <pre>
 *   fs ByteSource ─► InputStream ─► gzip | bz2 | zstd ─► transcode to UTF-8 ─► StreamSource ─► scanner
 * </pre>
 */
public final class Sources {
    /** The "file length" a scanner is given for a stream: it reads until the stream ends. */
    public static final long UNKNOWN_LENGTH = Long.MAX_VALUE / 2;

    private Sources() {
    }

    /** Whether {@code path} must be read as one stream (compressed, or not UTF-8). */
    public static boolean isStream(String path, CsvOptions options) {
        return !Compression.NONE.equals(Compression.of(path, options.compression()))
                || !Encodings.isUtf8(options.encoding());
    }

    /**
     * The decoded bytes of {@code file}, checked against the listing: if the file no longer has the listed
     * length (or modification time), or ends early while it is read, the open or the read throws a
     * {@link dev.floe.io.fs.FileChangedException} naming it (for a compressed file too: its raw bytes are
     * checked), never a short read.
     */
    public static ByteSource open(FileEntry file, CsvOptions options) {
        String path = file.path();
        if (!isStream(path, options)) {
            return Storage.open(file);
        }
        String codec = Compression.of(path, options.compression());
        String encoding = options.encoding();
        return new StreamSource(path, () -> decode(file, codec, encoding));
    }

    /** The decoded bytes of {@code path}, without checking it against a listing. */
    public static ByteSource open(String path, CsvOptions options) {
        return open(new FileEntry(path, -1, -1), options);
    }

    private static InputStream decode(FileEntry file, String codec, String encoding) throws IOException {
        InputStream raw = new BufferedInputStream(new SourceStream(Storage.open(file)), 1 << 16);
        Bzip2Trailer trailer = null;
        if (Compression.BZIP2.equals(codec)) {
            trailer = new Bzip2Trailer(raw);
            raw = trailer;
        }
        InputStream in;
        try {
            in = decompress(raw, codec);
        } catch (IOException e) {
            // gzip and bz2 read their header as they open: a file that is not theirs fails here, and is closed
            closeAfter(raw, e);
            throw Decoded.failure(file.path(), codec, e, 0);
        } catch (RuntimeException | Error e) {
            closeAfter(raw, e);
            throw e;
        }
        if (!Compression.NONE.equals(codec)) {
            in = new Decoded(in, file.path(), codec, trailer);
        }
        if (!Encodings.isUtf8(encoding)) {
            in = new Utf8Encoding(new InputStreamReader(in, Encodings.charset(encoding)));
        }
        return in;
    }

    private static InputStream decompress(InputStream raw, String codec) throws IOException {
        switch (codec) {
            case Compression.GZIP:
                return new GZIPInputStream(raw, 1 << 16);
            case Compression.BZIP2:
                return bzip2(raw);
            case Compression.ZSTD:
                return zstd(raw);
            default:
                return raw;
        }
    }

    private static void closeAfter(InputStream raw, Throwable failure) {
        try {
            raw.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Hadoop's bzip2 decoder reads a stream without the "BZh" magic as an empty one (a short read); so a stream
     * that has bytes must start with it.
     */
    private static InputStream bzip2(InputStream raw) throws IOException {
        raw.mark(3);
        byte[] magic = raw.readNBytes(3);
        raw.reset();
        if (magic.length > 0 && !(magic.length == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h')) {
            throw new IOException("not in bzip2 format (it does not start with 'BZh')");
        }
        org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
        codec.setConf(new org.apache.hadoop.conf.Configuration(false));
        return codec.createInputStream(raw);
    }

    /**
     * zstd-jni's decoder (its native library ships inside its jar). It reads concatenated frames, and a stream
     * that ends inside a frame throws ("Truncated source") instead of ending short; corrupt input throws too.
     */
    private static InputStream zstd(InputStream raw) throws IOException {
        try {
            return new com.github.luben.zstd.ZstdInputStream(raw);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new FloeIOException("cannot read zstd (.zst) files on this platform: zstd-jni has no native library"
                    + " for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + "; decompress the files first (zstd -d), or use gzip or bz2 (" + e + ")");
        }
    }

    /**
     * Keeps the last bytes of a bzip2 stream, to check at the decoder's end that the stream ended where a whole one
     * ends. Hadoop's decoder reports the end of data when its input ends inside the end-of-stream marker or the
     * combined CRC after it (the last ten bytes), so a file cut there read every row without an error. A whole
     * stream ends with the 48-bit marker 0x177245385090, the 32-bit combined CRC, and 0 to 7 zero bits that pad
     * the last byte; the marker is not byte-aligned, so each padding width is tried.
     */
    static final class Bzip2Trailer extends java.io.FilterInputStream {
        private static final int KEPT = 11;                      // 80 bits of marker and CRC, and up to 7 of padding
        private static final long END_OF_STREAM = 0x177245385090L;
        private final byte[] tail = new byte[KEPT];
        private long total;

        Bzip2Trailer(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                keep(b, off, n);
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;   // a reset would keep bytes twice
        }

        private void keep(byte[] b, int off, int n) {
            int skipped = Math.max(0, n - KEPT);
            total += skipped;
            for (int i = off + skipped; i < off + n; i++) {
                tail[(int) (total++ % KEPT)] = b[i];
            }
        }

        /** Reads what the decoder left of the raw stream, and throws unless it ends with a whole bzip2 trailer. */
        void checkEnd() throws IOException {
            byte[] scratch = new byte[1 << 12];
            while (read(scratch, 0, scratch.length) > 0) {
                // trailing bytes the decoder did not ask for: the trailer check sees the real end
            }
            if (total == 0) {
                return;     // an empty file reads as no rows, as an empty plain file does
            }
            if (total < KEPT - 1 || !endsWithTrailer(lastBytes())) {
                throw new IOException("the stream ends without bzip2's end-of-stream marker and checksum (the last "
                        + "10 bytes of a whole file)");
            }
        }

        private byte[] lastBytes() {
            int n = (int) Math.min(total, KEPT);
            byte[] last = new byte[n];
            for (int i = 0; i < n; i++) {
                last[i] = tail[(int) ((total - n + i) % KEPT)];
            }
            return last;
        }

        static boolean endsWithTrailer(byte[] last) {
            java.math.BigInteger bits = new java.math.BigInteger(1, last);
            for (int pad = 0; pad < 8 && pad + 80 <= last.length * 8; pad++) {
                boolean zeroPadding = bits.and(java.math.BigInteger.ONE.shiftLeft(pad).subtract(java.math.BigInteger.ONE))
                        .signum() == 0;
                if (zeroPadding && bits.shiftRight(pad + 32).longValue() << 16 >>> 16 == END_OF_STREAM) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One byte of {@code in} through its {@code read(byte[], int, int)}, or -1 at its end. */
    private static int readOne(InputStream in) throws IOException {
        byte[] one = new byte[1];
        return in.read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    /**
     * A decompressing stream whose codec errors (a truncated or corrupt stream) name the file, the codec and how
     * far it got, and say what to do.
     */
    private static final class Decoded extends java.io.FilterInputStream {
        private final String path;
        private final String codec;
        private final Bzip2Trailer trailer;
        private long decoded;

        Decoded(InputStream in, String path, String codec, Bzip2Trailer trailer) {
            super(in);
            this.path = path;
            this.codec = codec;
            this.trailer = trailer;
        }

        @Override
        public int read() throws IOException {
            return readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    decoded += n;
                } else if (n < 0 && trailer != null) {
                    trailer.checkEnd();
                }
                return n;
            } catch (IOException e) {
                throw failure(path, codec, e, decoded);
            }
        }

        static FloeIOException failure(String path, String codec, IOException e, long decoded) {
            return new FloeIOException("cannot decompress " + Storage.displayName(path) + " (" + codec + "): "
                    + e.getMessage() + ", after " + decoded + " decompressed bytes; the file is truncated or"
                    + " corrupt: compress it again from its source", e);
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(n, 1 << 16)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (r <= 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }

    /** A ByteSource as a sequential InputStream. */
    private static final class SourceStream extends InputStream {
        private final ByteSource source;
        private long at;

        SourceStream(ByteSource source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            return readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = source.read(at, b, off, len);
            if (n <= 0) {
                return -1;
            }
            at += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /** Characters re-encoded as UTF-8 bytes (malformed input in the source encoding is an error). */
    private static final class Utf8Encoding extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[8192];
        private byte[] bytes = new byte[0];
        private int pos;

        Utf8Encoding(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return bytes[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (pos >= bytes.length) {
                int n = reader.read(chars);
                if (n < 0) {
                    return false;
                }
                int end = n;
                if (Character.isHighSurrogate(chars[n - 1])) {
                    int more = reader.read();
                    if (more >= 0) {
                        bytes = (new String(chars, 0, n) + (char) more).getBytes(StandardCharsets.UTF_8);
                        pos = 0;
                        continue;
                    }
                }
                bytes = new String(chars, 0, end).getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
