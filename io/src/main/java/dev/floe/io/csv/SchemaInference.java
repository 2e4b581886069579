package dev.floe.io.csv;

import dev.floe.expressions.ColumnNames;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import dev.floe.io.CsvOptions;
import dev.floe.io.FileSplit;
import dev.floe.io.FloeIOException;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.FileEntry;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the schema of a set of CSV files, by phase (as DuckDB's sniffer: header, then types):
 *
 * <ol>
 *   <li><b>header</b>: the first record of every non-empty file (at its data start: after a byte order
 *       mark and {@code skip} lines). {@code header = auto} decides on the first file: a header if every
 *       field is non-empty, non-numeric text and some column of the rows after it is not text. Blank names
 *       become {@code column<i>}; repeated names get a suffix ({@code a, a_1, a_2}).</li>
 *   <li><b>layout</b>: files whose headers hold the same names in another order are matched by name (each
 *       file keeps its own column list, {@link FileColumns}). Different sets of names are an error listing
 *       each distinct header with how many files have it, unless {@code unionByName}: then the schema is
 *       the union, in order of first appearance, and a file's missing columns read as NULL.</li>
 *   <li><b>types</b>: values are sampled from <em>every</em> file: a small file (up to 1 MiB) is read
 *       whole; a larger one at five points: its start, 1/4, 1/2 and 3/4 ({@code sampleSize} rows each) and
 *       every record of its last 64 KiB, through the same scanner as the reader so quoting is treated
 *       alike. {@code sampleSize = -1} reads every row of every file. See {@link TypeSampler} for the type
 *       lattice. Declared types (allVarchar, types, timestampColumns) always win.</li>
 *   <li><b>extra columns</b>: {@code filename} (VARCHAR) and hive partition keys ({@code key=value}
 *       directories; typed BIGINT, DOUBLE, DATE or VARCHAR by what all their values fit).</li>
 * </ol>
 */
public final class SchemaInference {
    private static final long SMALL_FILE = 1 << 20;
    private static final long TAIL = 64 << 10;
    private static final int SAMPLE_BUFFER = 64 << 10;
    /** How far into a file lines are counted to say where a value that decided a type is. */
    private static final long LINES_COUNTED = 16 << 20;
    private static final Logger log = LoggerFactory.getLogger(SchemaInference.class);
    public static final String FILENAME_COLUMN = "filename";

    private SchemaInference() {
    }

    /**
     * One file's layout: its columns in file order (names as in the schema), its hive partition values.
     */
    public record FileColumns(List<String> columns, Map<String, String> partitions) implements Serializable {
    }

    /**
     * The schema (data columns, then filename, then partition keys), the options with {@code header}
     * resolved, and each file's layout (by path).
     */
    public record Result(Schema schema, CsvOptions options, Map<String, FileColumns> files, int dataColumns,
            List<String> partitionKeys, Map<String, String> typeReasons) {
    }

    public static Result infer(String glob, List<FileEntry> files, CsvOptions requested) {
        CsvOptions options = requested;
        List<FileEntry> nonEmpty = files.stream().filter(f -> f.length() > 0).toList();
        if (nonEmpty.isEmpty()) {
            throw new FloeIOException("all " + files.size() + " files matching '" + glob + "' are empty");
        }
        if (options.headerMode() == CsvOptions.Header.AUTO) {
            options = options.withHeader(detectHeader(nonEmpty.get(0), options));
        }
        return infer(glob, files, nonEmpty, options);
    }

    private static Result infer(String glob, List<FileEntry> files, List<FileEntry> nonEmpty, CsvOptions options) {
        Map<String, List<String>> headers = headers(nonEmpty, options);
        List<String> names = layout(glob, headers, options);
        checkDeclared(names, options);
        TypeSampler sampler = new TypeSampler(names.size());
        sampler.formats(Formats.of(options));
        sampler.decimals(options.decimals());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        boolean allDeclared = names.stream().allMatch(n -> options.declaredType(n) != null);
        for (FileEntry file : nonEmpty) {
            List<String> fileNames = headers.get(file.path());
            int[] map = fileNames.stream().mapToInt(index::get).toArray();
            sampler.mapping(map);
            sampler.file(file.path());
            sample(file, fileNames.toArray(String[]::new), options, sampler, allDeclared);
        }
        List<Field> fields = new ArrayList<>(names.size());
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            FloeType declared = options.declaredType(names.get(i));
            FloeType type = declared != null ? declared : sampler.typeOf(i);
            String reason = TypeReasons.of(names.get(i), type, options, sampler, i);
            log.debug("column '{}': {}", names.get(i), reason);
            fields.add(new Field(names.get(i), type));
            reasons.put(names.get(i), reason);
        }
        int dataColumns = fields.size();
        Set<String> taken = new HashSet<>(names);
        if (options.filename()) {
            String name = unique(FILENAME_COLUMN, taken);
            fields.add(new Field(name, FloeType.STRING));
            reasons.put(name, "VARCHAR: the path of each row's file (filename = true)");
        }
        Map<String, Map<String, String>> partitions = new HashMap<>();
        List<String> keys = new ArrayList<>();
        if (options.hivePartitioning()) {
            for (FileEntry file : files) {
                Map<String, String> values = HivePartitions.of(file.path());
                partitions.put(file.path(), values);
                values.keySet().forEach(k -> {
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                });
            }
            for (String key : keys) {
                List<String> values = new ArrayList<>();
                partitions.values().forEach(p -> {
                    if (p.get(key) != null) {
                        values.add(p.get(key));
                    }
                });
                FloeType declared = options.declaredType(key);
                FloeType type = declared != null ? declared : HivePartitions.typeOf(values);
                if (declared != null) {
                    // a directory value the declared type cannot hold fails now, not when its split is read
                    partitions.forEach((path, p) -> HivePartitions.value(path, key, p.get(key), declared));
                }
                String name = unique(key, taken);
                fields.add(new Field(name, type));
                reasons.put(name, type.sqlName() + (declared != null ? ": declared (types or all_varchar)"
                        : ": hive partition key " + key + "=..., " + values.size() + " directory values, all fit"));
            }
        }
        Map<String, FileColumns> layouts = new HashMap<>();
        for (FileEntry file : files) {
            List<String> columns = headers.getOrDefault(file.path(), List.of());
            layouts.put(file.path(), new FileColumns(columns, partitions.getOrDefault(file.path(), Map.of())));
        }
        Schema schema = new Schema(fields);
        log.debug("schema of '{}' ({} files): {}", glob, files.size(), schema);
        return new Result(schema, options, layouts, dataColumns, keys, reasons);
    }

    private static String unique(String name, Set<String> taken) {
        String unique = name;
        for (int k = 1; taken.contains(unique); k++) {
            unique = name + "_" + k;
        }
        taken.add(unique);
        return unique;
    }

    /** header = auto: the first record is a header if it is all text and the rows after it are not. */
    private static boolean detectHeader(FileEntry file, CsvOptions options) {
        List<String> first = firstRecord(file, options.withHeader(true));
        for (String field : first) {
            byte[] b = field.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0 || ValueParsers.classify(b, 0, b.length, ValueParsers.ALL_CANDIDATES) != 0) {
                return false;
            }
        }
        String[] names = new String[first.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "column" + i;
        }
        TypeSampler sampler = new TypeSampler(names.length);
        CsvOptions sampling = options.withHeader(true).withSampleSize(Math.min(1000,
                options.sampleSize() < 0 ? 1000 : options.sampleSize()));
        try {
            sample(file, names, sampling, sampler, false);
        } catch (RuntimeException e) {
            return true; // the rows after it do not even have its shape: it is not one of them
        }
        for (int i = 0; i < names.length; i++) {
            if (sampler.values(i) > 0 && sampler.typeOf(i) != FloeType.STRING) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> headers(List<FileEntry> files, CsvOptions options) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> numbered = null;
        for (FileEntry file : files) {
            if (!options.header()) {
                if (numbered == null) {
                    int count = firstRecord(file, options).size();
                    numbered = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        numbered.add("column" + i);
                    }
                }
                // without a header, ragged files show up as field-count errors with a line number
                headers.put(file.path(), numbered);
            } else {
                headers.put(file.path(), cleanNames(firstRecord(file, options)));
            }
        }
        return headers;
    }

    /** The schema's data columns; throws if the files' column sets differ (unless unionByName). */
    private static List<String> layout(String glob, Map<String, List<String>> headers, CsvOptions options) {
        Map<List<String>, List<String>> filesByHeader = new LinkedHashMap<>();
        headers.forEach((path, names) -> filesByHeader.computeIfAbsent(names, k -> new ArrayList<>()).add(path));
        List<String> first = filesByHeader.keySet().iterator().next();
        if (filesByHeader.size() == 1) {
            return first;
        }
        Set<Set<String>> sets = new HashSet<>();
        filesByHeader.keySet().forEach(h -> sets.add(new HashSet<>(h)));
        if (sets.size() == 1) {
            return first; // the same names in other orders: matched by name
        }
        if (options.unionByName()) {
            LinkedHashSet<String> union = new LinkedHashSet<>();
            filesByHeader.keySet().forEach(union::addAll);
            return new ArrayList<>(union);
        }
        StringBuilder sb = new StringBuilder("the files matching '").append(glob)
                .append("' do not all have the same columns; found ").append(filesByHeader.size())
                .append(" different headers:");
        filesByHeader.forEach((header, paths) -> sb.append("\n  ").append(String.join(",", header)).append("  (")
                .append(paths.size()).append(paths.size() == 1 ? " file" : " files").append(", e.g. ")
                .append(Storage.displayName(paths.get(0))).append(')'));
        sb.append("\nread them with union_by_name = true (missing columns become NULL), or use a glob that"
                + " matches files of one layout");
        throw new FloeIOException(sb.toString());
    }

    /** Blank names become {@code column<i>}, then repeated names are renamed ({@link ColumnNames}). */
    static List<String> cleanNames(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            names.add(header.get(i).isBlank() ? "column" + i : header.get(i));
        }
        return ColumnNames.unique(names);
    }

    private static void checkDeclared(List<String> names, CsvOptions options) {
        Schema untyped = new Schema(names.stream().map(n -> new Field(n, FloeType.STRING)).toList());
        for (String name : options.types().keySet()) {
            if (!names.contains(name) && !(options.hivePartitioning())) {
                throw new PlanException("types: " + TypeChecker.unknownColumn(name, untyped));
            }
        }
        for (String name : options.timestampColumns()) {
            if (!names.contains(name)) {
                throw new PlanException("timestampColumns: " + TypeChecker.unknownColumn(name, untyped));
            }
        }
    }

    private static List<String> firstRecord(FileEntry file, CsvOptions options) {
        boolean stream = Sources.isStream(file.path(), options);
        try (ByteSource source = Sources.open(file, options)) {
            return HeaderReader.firstRecord(source, stream ? Sources.UNKNOWN_LENGTH : file.length(),
                    Dialect.of(options));
        } catch (IOException e) {
            throw new FloeIOException("cannot read the header of " + Storage.displayName(file.path()) + ": " + e, e);
        }
    }

    private static void sample(FileEntry file, String[] names, CsvOptions options, TypeSampler sampler,
            boolean allDeclared) {
        boolean stream = Sources.isStream(file.path(), options);
        long length = stream ? Sources.UNKNOWN_LENGTH : file.length();
        boolean full = options.sampleSize() < 0;
        if (allDeclared && !full) {
            return; // nothing to infer; read errors are the reader's
        }
        List<Long> points = length <= SMALL_FILE || stream || full
                ? List.of(0L)
                : List.of(0L, length / 4, length / 2, length / 4 * 3, length - TAIL);
        int rowsPerPoint = full || (length <= SMALL_FILE && !stream) ? Integer.MAX_VALUE
                : (int) Math.min(Integer.MAX_VALUE, options.sampleSize());
        Dialect dialect = Dialect.of(options);
        RowPolicy policy = RowPolicy.of(options).forSampling();
        try (ByteSource source = Sources.open(file, options)) {
            ByteSource shared = new ByteSource() {
                @Override
                public int read(long position, byte[] buffer, int offset, int len) throws IOException {
                    return source.read(position, buffer, offset, len);
                }

                @Override
                public String path() {
                    return source.path();
                }

                @Override
                public void close() {
                    // the file stays open for the next sample point
                }
            };
            samplePoints(file, names, length, points, rowsPerPoint, dialect, policy, shared, sampler);
            // the line of each value that changed a column's type, for DESCRIBE: one pass up to the last, and
            // only near the start of the file (past LINES_COUNTED the reason gives the byte offset)
            LineCounter lines = new LineCounter(shared);
            sampler.resolveLines(file.path(), offset -> {
                try {
                    return offset <= LINES_COUNTED ? lines.lineAt(offset) : -1;
                } catch (IOException e) {
                    return -1;
                }
            });
        } catch (IOException e) {
            throw new FloeIOException("cannot sample " + Storage.displayName(file.path()) + ": " + e, e);
        }
    }

    private static void samplePoints(FileEntry file, String[] names, long length, List<Long> points, int rowsPerPoint,
            Dialect dialect, RowPolicy policy, ByteSource shared, TypeSampler sampler) {
        {
            for (long point : points) {
                // the tail point reads every record that begins in the last TAIL bytes
                boolean tail = point == length - TAIL && points.size() > 1;
                FileSplit split = new FileSplit(file.path(), point, tail ? TAIL : length - point, length, 0);
                try (CsvScanner scanner = new CsvScanner(shared, split, dialect, names, SAMPLE_BUFFER)) {
                    scanner.policy(policy);
                    scanner.sampleInto(sampler);
                    scanner.read(tail ? Integer.MAX_VALUE : rowsPerPoint);
                }
            }
        }
    }
}
