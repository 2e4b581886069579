package dev.floe.io.csv;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the schema of a set of CSV files, in two phases:
 *
 * <ol>
 *   <li><b>header</b>: the first line of every non-empty file. All files must agree (else the error lists
 *       each distinct header with how many files have it and one example file). Blank names become
 *       {@code column<i>}; repeated names get a suffix ({@code a, a.1}), as in pandas.</li>
 *   <li><b>types</b>: values are sampled from <em>every</em> file: a small file (up to 1 MiB) is read
 *       whole; a larger one at five points: its start, 1/4, 1/2 and 3/4 (up to
 *       {@value #ROWS_PER_POINT} rows each) and every record of its last 64 KiB, through the same scanner as the reader so quoting is treated
 *       alike. See {@link TypeSampler} for the type lattice. Declared types (types, timestampColumns)
 *       always win: what the sample says about those columns is ignored.</li>
 * </ol>
 */
public final class SchemaInference {
    static final int ROWS_PER_POINT = 1000;
    private static final long SMALL_FILE = 1 << 20;
    private static final long TAIL = 64 << 10;
    private static final int SAMPLE_BUFFER = 64 << 10;
    private static final Logger log = LoggerFactory.getLogger(SchemaInference.class);

    private SchemaInference() {
    }

    /**
     * The schema, and the files in which the sample saw a quoted field holding a line break (such files
     * cannot yet be split safely: issue #3).
     */
    public record Result(Schema schema, Set<String> filesWithQuotedLineBreaks) {
    }

    public static Result infer(String glob, List<FileEntry> files, CsvOptions options) {
        List<FileEntry> nonEmpty = files.stream().filter(f -> f.length() > 0).toList();
        if (nonEmpty.isEmpty()) {
            throw new FloeIOException("all " + files.size() + " files matching '" + glob + "' are empty");
        }
        List<String> names = columnNames(glob, nonEmpty, options);
        checkDeclared(names, options);
        TypeSampler sampler = new TypeSampler(names.size());
        String[] nameArray = names.toArray(String[]::new);
        Set<String> multiline = new HashSet<>();
        for (FileEntry file : nonEmpty) {
            sample(file, nameArray, options, sampler);
            if (sampler.takeQuotedLineBreak()) {
                multiline.add(file.path());
            }
        }
        List<Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            FloeType declared = options.declaredType(names.get(i));
            FloeType type = declared != null ? declared : sampler.typeOf(i);
            if (declared == null && sampler.demotedBy(i) != null) {
                log.debug("column '{}' inferred as {}: narrowed by the value '{}'", names.get(i), type, sampler.demotedBy(i));
            }
            fields.add(new Field(names.get(i), type));
        }
        Schema schema = new Schema(fields);
        log.debug("schema of '{}' ({} files): {}", glob, files.size(), schema);
        return new Result(schema, Set.copyOf(multiline));
    }

    private static List<String> columnNames(String glob, List<FileEntry> files, CsvOptions options) {
        Map<List<String>, List<String>> filesByHeader = new LinkedHashMap<>();
        for (FileEntry file : files) {
            List<String> first = firstRecord(file, options);
            filesByHeader.computeIfAbsent(options.header() ? first : List.of(Integer.toString(first.size())),
                    k -> new ArrayList<>()).add(file.path());
            if (!options.header()) {
                break; // without a header, ragged files show up as field-count errors with a line number
            }
        }
        if (filesByHeader.size() > 1) {
            StringBuilder sb = new StringBuilder("the files matching '").append(glob)
                    .append("' do not all have the same header; found ").append(filesByHeader.size())
                    .append(" different headers:");
            filesByHeader.forEach((header, paths) -> sb.append("\n  ").append(String.join(",", header)).append("  (")
                    .append(paths.size()).append(paths.size() == 1 ? " file" : " files").append(", e.g. ")
                    .append(Storage.displayName(paths.get(0))).append(')'));
            sb.append("\nread them separately, or use a glob that matches files of one layout");
            throw new FloeIOException(sb.toString());
        }
        List<String> first = filesByHeader.keySet().iterator().next();
        if (!options.header()) {
            int count = Integer.parseInt(first.get(0));
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add("column" + i);
            }
            return names;
        }
        return cleanNames(first);
    }

    static List<String> cleanNames(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).isBlank() ? "column" + i : header.get(i);
            String unique = name;
            for (int k = 1; seen.contains(unique); k++) {
                unique = name + "." + k;
            }
            seen.add(unique);
            names.add(unique);
        }
        return names;
    }

    private static void checkDeclared(List<String> names, CsvOptions options) {
        Schema untyped = new Schema(names.stream().map(n -> new Field(n, FloeType.STRING)).toList());
        for (String name : options.types().keySet()) {
            if (!names.contains(name)) {
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
        try (ByteSource source = Storage.open(file.path())) {
            return HeaderReader.firstRecord(source, file.length(), options.delimiter(), options.quote());
        } catch (IOException e) {
            throw new FloeIOException("cannot read the header of " + Storage.displayName(file.path()) + ": " + e, e);
        }
    }

    private static void sample(FileEntry file, String[] names, CsvOptions options, TypeSampler sampler) {
        long length = file.length();
        List<Long> points = length <= SMALL_FILE
                ? List.of(0L)
                : List.of(0L, length / 4, length / 2, length / 4 * 3, length - TAIL);
        try (ByteSource source = Storage.open(file.path())) {
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
            for (long point : points) {
                // the tail point reads every record that begins in the last TAIL bytes; the others read up to
                // ROWS_PER_POINT records (a small file is one point that reads everything)
                boolean tail = point == length - TAIL;
                FileSplit split = new FileSplit(file.path(), point, tail ? TAIL : length - point, length, 0);
                try (CsvScanner scanner = new CsvScanner(shared, split, options.delimiter(),
                        options.quote(), options.header(), names, SAMPLE_BUFFER)) {
                    scanner.sampleInto(sampler);
                    scanner.read(length <= SMALL_FILE || tail ? Integer.MAX_VALUE : ROWS_PER_POINT);
                }
            }
        } catch (IOException e) {
            throw new FloeIOException("cannot sample " + Storage.displayName(file.path()) + ": " + e, e);
        }
    }
}
