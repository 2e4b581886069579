package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.eval.Decimals;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DECIMAL(p,s) columns read from CSV exactly: the oracle is {@link SerialCsv}'s parse of the generated text
 * with each field given to {@link BigDecimal} ({@link Decimals#exact}: null when digits would be lost).
 */
class DecimalCsvTest {
    private static final FloeType PRICE = FloeType.decimal(18, 4);
    private static final FloeType WIDE = FloeType.decimal(38, 12);
    private static final Map<String, FloeType> TYPES = Map.of("price", PRICE, "wide", WIDE);

    @TempDir
    static Path dir;
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** {@code id,price,wide,note}: decimals in every spelling the reader takes, quoted notes with line breaks. */
    static String generate(long seed, int rows) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("id,price,wide,note\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(decimalText(random, 14, 4)).append(',')
                    .append(decimalText(random, 26, 12)).append(",\"note ").append(i)
                    .append(i % 5 == 0 ? ",\nwith a line break\"" : "\"").append(i % 11 == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    /** A value that fits {@code integers} integer and {@code fraction} fraction digits, in a random spelling. */
    static String decimalText(Random random, int integers, int fraction) {
        if (random.nextInt(15) == 0) {
            return random.nextBoolean() ? "" : "\"\""; // NULL either way
        }
        int scale = random.nextInt(fraction + 1);
        BigInteger unscaled = new BigInteger(random.nextInt(4) == 0 ? 20 : 130, random)
                .mod(BigInteger.TEN.pow(1 + random.nextInt(integers + scale)));
        BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
        String text;
        switch (random.nextInt(7)) {
            case 0: text = value.toString(); break;                     // may have an exponent: 1.2E-7
            case 1: text = value.toPlainString() + (value.scale() > 0 ? "000" : ".000"); break; // zeros past the scale
            case 2: text = (value.signum() >= 0 ? "+" : "") + value.toPlainString(); break;
            case 3: text = "\"" + value.toPlainString() + "\""; break;
            case 4: text = value.unscaledValue() + "e-" + value.scale(); break;
            default: text = value.toPlainString(); break;
        }
        if (random.nextInt(3) == 0) {
            text = text.replaceFirst("^([\"+-]*)0\\.", "$1."); // .5 for 0.5
        }
        return text;
    }

    /** The oracle's rows: id, price, wide, note from a serial parse, decimals at their type's scale. */
    static List<List<Object>> oracle(String text) {
        List<List<String>> records = SerialCsv.parse(text, ',', '"', '"');
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            rows.add(Arrays.asList(Long.parseLong(r.get(0)), exact(r.get(1), PRICE), exact(r.get(2), WIDE), r.get(3)));
        }
        return rows;
    }

    private static BigDecimal exact(String text, FloeType type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        BigDecimal exact = Decimals.exact(new BigDecimal(text), type);
        if (exact == null) {
            throw new AssertionError("the generator wrote " + text + ", which " + type + " cannot hold");
        }
        return exact;
    }

    static java.util.stream.Stream<Arguments> splittings() {
        List<Arguments> cases = new ArrayList<>();
        for (long block : new long[] {1, 7, 30, 1000, 1L << 40}) {
            for (int threads : new int[] {1, 2}) {
                cases.add(Arguments.of(block, threads));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "block {0}, threads {1}")
    @MethodSource("splittings")
    void everyBlockSizeAndThreadCountReadsTheExactValues(long block, int threads) throws Exception {
        int rows = block == 1 ? 60 : 2000;
        String text = generate(block * 31 + threads, rows);
        Path file = TestTables.write(dir, "d-" + block + "-" + threads + ".csv", text);
        List<List<Object>> expected = oracle(text);
        assertEquals(rows, expected.size(), "the oracle's records");
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withTypes(TYPES).withBlockSize(block));
        assertEquals(Schema.of(new Field("id", FloeType.INT64), new Field("price", PRICE), new Field("wide", WIDE),
                new Field("note", FloeType.STRING)), dataset.schema());
        if (block < text.length()) {
            assertTrue(dataset.splits().size() > 1, "several splits");
        }
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> actual = threads == 1 ? TestTables.readAll(dataset, allocator)
                    : TestTables.readParallel(dataset, allocator, pool);
            assertEquals(expected.size(), actual.size(), "rows");
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), "row " + i);
            }
        }
    }

    /** The SQL spelling goes through FloeType.fromSqlName; null strings are NULL as for every type. */
    @Test
    void theSqlTypeNameAndNullStrings() throws IOException {
        Path file = TestTables.write(dir, "n.csv", "id,price\n1,NA\n2,\n3,\"\"\n4,1.5\n5,-0.00010\n");
        Map<String, Object> sql = new LinkedHashMap<>();
        sql.put("types", Map.of("price", "NUMERIC(18,4)"));
        sql.put("nullstr", "NA");
        CsvOptions options = CsvOptions.fromMap(sql);
        assertEquals(CsvOptions.defaults().withTypes(Map.of("price", PRICE)).withNullStrings(List.of("NA")), options);
        try (RootAllocator allocator = new RootAllocator()) {
            CsvDataset dataset = CsvDataset.open(file.toString(), options);
            List<Object> prices = TestTables.readAll(dataset, allocator).stream().map(r -> r.get(1)).toList();
            assertEquals(Arrays.asList(null, null, null, new BigDecimal("1.5000"), new BigDecimal("-0.0001")), prices);
            // a quoted "NA" is no null string: it is text, and not a number
            Path quoted = TestTables.write(dir, "q.csv", "id,price\n1,NA\n2,\"NA\"\n");
            CsvFormatException e = assertThrows(CsvFormatException.class,
                    () -> TestTables.readAll(CsvDataset.open(quoted.toString(), options), allocator));
            assertEquals(3, e.line());
            assertEquals("NA", e.text());
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.fromMap(Map.of("types", Map.of("price", "DECIMAL(40,2)"))));
        assertTrue(bad.getMessage().contains("DECIMAL precision 40 is out of range") && bad.getMessage().contains(
                "for column 'price'; use BOOLEAN, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, DATE or TIMESTAMP"), bad.getMessage());
    }

    /** One bad value on line 4, read with a block size that cuts the file and one that does not. */
    static java.util.stream.Stream<Arguments> badValues() {
        String declare = "; declare the column's type (types = {'price': 'VARCHAR'}) or fix the file";
        List<Arguments> cases = new ArrayList<>();
        for (long block : new long[] {16, 1 << 20}) {
            cases.add(Arguments.of(block, PRICE, "1.23456", " without losing digits: 5 digits after the point, DECIMAL(18,4)"
                    + " keeps 4", "; declare DECIMAL(19,5) or DOUBLE in types = {'price': 'DECIMAL(19,5)'} or fix the file"));
            cases.add(Arguments.of(block, PRICE, "123456789012345.5", " without losing digits: 15 digits before the point,"
                    + " DECIMAL(18,4) holds 14", "; declare DECIMAL(19,4) or DOUBLE in types = {'price': 'DECIMAL(19,4)'} or fix the file"));
            cases.add(Arguments.of(block, PRICE, "-123456789012345.55555", " without losing digits: 5 digits after the point,"
                    + " DECIMAL(18,4) keeps 4 and 15 digits before the point, DECIMAL(18,4) holds 14",
                    "; declare DECIMAL(20,5) or DOUBLE in types = {'price': 'DECIMAL(20,5)'} or fix the file"));
            cases.add(Arguments.of(block, PRICE, "1.5e-5", " without losing digits: 6 digits after the point, DECIMAL(18,4)"
                    + " keeps 4", "; declare DECIMAL(20,6) or DOUBLE in types = {'price': 'DECIMAL(20,6)'} or fix the file"));
            cases.add(Arguments.of(block, FloeType.decimal(38, 30), "123456789.5", " without losing digits: 9 digits before"
                    + " the point, DECIMAL(38,30) holds 8", "; declare VARCHAR or DOUBLE in types = {'price': 'VARCHAR'} (a"
                    + " DECIMAL holds at most 38 digits) or fix the file"));
            cases.add(Arguments.of(block, PRICE, "12.5x", "", declare));
            cases.add(Arguments.of(block, PRICE, "NaN", "", declare));
            cases.add(Arguments.of(block, PRICE, "1.2.3", "", declare));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "block {0}: {2} as {1}")
    @MethodSource("badValues")
    void aBadValueNamesFileLineColumnTextAndTheTypeThatHoldsIt(long block, FloeType type, String value, String why,
            String fix) throws IOException {
        String text = "id,price\n1,12.5\n2,-3.25\n3," + value + "\n4,7\n";
        Path file = TestTables.write(dir, "bad-" + Math.abs(value.hashCode()) + "-" + type.scale() + ".csv", text);
        CsvDataset dataset = CsvDataset.open(file.toString(),
                CsvOptions.defaults().withTypes(Map.of("price", type)).withBlockSize(block));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            int record = text.indexOf("3," + value);
            assertEquals("file:" + file, e.file());
            assertEquals(4, e.line());
            assertEquals("price", e.column());
            assertEquals(value, e.text());
            assertEquals(record + 2, e.byteOffset());
            assertEquals(file + " line 4 (byte " + record + "), column 'price': cannot read '" + value + "' as "
                    + type.sqlName() + why + "; record: 3," + value + fix, e.getMessage());
        }
    }

    /** ignore_errors: every bad decimal is a counted reject, the good rows exact; returned + rejected = records. */
    @ParameterizedTest(name = "block {0}")
    @ValueSource(longs = {7, 100, 1 << 20})
    void badValuesAreCountedUnderIgnoreErrors(long block) throws IOException {
        Random random = new Random(block);
        StringBuilder sb = new StringBuilder("id,price\n");
        List<List<Object>> good = new ArrayList<>();
        int bad = 0;
        String[] wrong = {"1.23456", "123456789012345", "abc", "NaN", "1e-9", "--1"};
        for (int i = 0; i < 3000; i++) {
            String value;
            if (random.nextInt(5) == 0) {
                value = wrong[random.nextInt(wrong.length)];
                bad++;
            } else {
                value = decimalText(random, 14, 4);
                good.add(Arrays.asList((long) i, exact(value.replace("\"", ""), PRICE)));
            }
            sb.append(i).append(',').append(value).append('\n');
        }
        Path file = TestTables.write(dir, "reject-" + block + ".csv", sb.toString());
        CsvOptions options = CsvOptions.defaults().withTypes(Map.of("price", PRICE)).withIgnoreErrors(true)
                .withRejects(true).withBlockSize(block);
        RejectsTest.Outcome out = RejectsTest.readAll(CsvDataset.open(file.toString(), options));
        assertEquals(good, out.rows());
        assertEquals(bad, out.rejected());
        int records = SerialCsv.parse(sb.toString(), ',', '"', '"').size() - 1;
        assertEquals(records, out.rows().size() + out.rejected());
        assertEquals(bad, out.rejects().size());
        assertTrue(out.rejects().stream().allMatch(r -> r.column().equals("price")
                && r.reason().contains("as DECIMAL(18,4)")), out.rejects().toString());
    }

    /** A declared DECIMAL partition key is read exactly; one that does not fit fails when the dataset opens. */
    @Test
    void aDeclaredDecimalHivePartitionKey() throws IOException {
        TestTables.write(dir, "hive/price=12.5/a.csv", "id\n1\n");
        TestTables.write(dir, "hive/price=-3/b.csv", "id\n2\n");
        CsvOptions hive = CsvOptions.defaults().withHivePartitioning(true);
        String glob = dir.resolve("hive/*/*.csv").toString();
        assertEquals(FloeType.FLOAT64, CsvDataset.open(glob, hive).schema().fields().get(1).type()); // unchanged
        FloeType type = FloeType.decimal(9, 2);
        CsvDataset dataset = CsvDataset.open(glob, hive.withTypes(Map.of("price", type)));
        assertEquals(type, dataset.schema().fields().get(1).type());
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = new ArrayList<>(TestTables.readAll(dataset, allocator));
            rows.sort(java.util.Comparator.comparing(r -> (Long) r.get(0)));
            assertEquals(List.of(List.of(1L, new BigDecimal("12.50")), List.of(2L, new BigDecimal("-3.00"))), rows);
        }
        Path odd = TestTables.write(dir, "hive2/price=1.125/a.csv", "id\n1\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvDataset.open(
                dir.resolve("hive2/*/*.csv").toString(), hive.withTypes(Map.of("price", type))));
        assertEquals("file:" + odd, e.file());
        assertEquals("price", e.column());
        assertEquals("1.125", e.text());
        assertEquals(odd + ": hive partition price=1.125: cannot read '1.125' as DECIMAL(9,2) without losing digits;"
                + " declare another type for it (types = {'price': 'VARCHAR'}) or rename the directory", e.getMessage());
    }

    private static List<FloeType> types(Path file, CsvOptions options) {
        return CsvDataset.open(file.toString(), options).schema().fields().stream().map(Field::type).toList();
    }

    /**
     * decimal = 'decimal': plain decimals (and integers beyond BIGINT) are DECIMAL(38, largest scale); BIGINT
     * columns stay BIGINT; exponents, leading zeros, over 38 digits fall back to the 'varchar' rule. The
     * 'double' (default) and 'varchar' modes give the types they always gave.
     */
    @Test
    void inferenceUnderEachDecimalMode() throws IOException {
        String text = "i,d,big,mixed,long,e,lz,over,t\n"
                + "1,1.5,99999999999999999999,1,0.1234567890123456789,1e5,007.5,123456789012345678901234567890,a\n"
                + "-2,-0.125,-1,2.25,1.5,2.5,1.5,0.1234567890,b\n"
                + "3,,12,-3,,-1.5E-3,2,1,\n";
        Path file = TestTables.write(dir, "infer.csv", text);
        FloeType d38 = FloeType.decimal(38, 3);
        assertEquals(List.of(FloeType.INT64, d38, FloeType.decimal(38, 0), FloeType.decimal(38, 2),
                FloeType.decimal(38, 19), FloeType.FLOAT64, FloeType.STRING, FloeType.STRING, FloeType.STRING),
                types(file, CsvOptions.defaults().withDecimals(CsvOptions.DecimalMode.DECIMAL)));
        assertEquals(List.of(FloeType.INT64, FloeType.FLOAT64, FloeType.STRING, FloeType.FLOAT64, FloeType.FLOAT64,
                FloeType.FLOAT64, FloeType.STRING, FloeType.STRING, FloeType.STRING), types(file, CsvOptions.defaults()));
        assertEquals(List.of(FloeType.INT64, FloeType.FLOAT64, FloeType.STRING, FloeType.FLOAT64, FloeType.STRING,
                FloeType.FLOAT64, FloeType.STRING, FloeType.STRING, FloeType.STRING),
                types(file, CsvOptions.defaults().withExactDecimals(true)));
        // the SQL option, three-valued, and the same options as the Java calls
        for (CsvOptions.DecimalMode mode : CsvOptions.DecimalMode.values()) {
            assertEquals(CsvOptions.defaults().withDecimals(mode), CsvOptions.fromMap(Map.of("decimal", mode.sqlValue())));
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.fromMap(Map.of("decimal", "exact")));
        assertTrue(bad.getMessage().contains("or 'decimal' (read decimal numbers exactly, as DECIMAL(38, s))"),
                bad.getMessage());

        // the values, exact: against BigDecimal on the oracle's fields
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.fromMap(Map.of("decimal", "decimal")));
        List<List<String>> fields = SerialCsv.parse(text, ',', '"', '"');
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(dataset, allocator);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 1; c <= 4; c++) {
                    String f = fields.get(r + 1).get(c);
                    FloeType type = dataset.schema().field(c).type();
                    assertEquals(f == null ? null : Decimals.exact(new BigDecimal(f), type), rows.get(r).get(c),
                            "row " + r + " column " + c);
                }
            }
        }
        // why each has its type
        String at = " at " + file + " line ";
        assertEquals("DECIMAL(38,3): 2 values sampled from 1 file, all plain decimals (decimal = 'decimal'); '-0.125'"
                + at + "3 has 3 digits after the point", dataset.typeReason("d"));
        assertEquals("DECIMAL(38,0): 3 values sampled from 1 file, all plain decimals (decimal = 'decimal');"
                + " '99999999999999999999'" + at + "2 is an integer beyond BIGINT", dataset.typeReason("big"));
        assertEquals("BIGINT: 3 values sampled from 1 file, all integers", dataset.typeReason("i"));
        assertEquals("DOUBLE: 3 values sampled from 1 file, all numbers", dataset.typeReason("e"));
        assertEquals("VARCHAR: '0.1234567890'" + at + "3 needs more than 38 digits with the other values' (a DECIMAL"
                + " holds 38; declare the column's type in types to choose its precision and scale)",
                dataset.typeReason("over"));
    }

    /** A value the sample missed, with more decimals than the inferred scale: the error names the type to declare. */
    @Test
    void aLaterValueThatContradictsTheInferredDecimalNamesTheFix() throws IOException {
        StringBuilder sb = new StringBuilder("id,x\n");
        for (int i = 0; i < 300_000; i++) {
            sb.append(i).append(',').append(i == 150_000 ? "1.125" : (i % 1000) + ".25").append('\n');
        }
        Path file = TestTables.write(dir, "late.csv", sb.toString());
        CsvOptions options = CsvOptions.defaults().withDecimals(CsvOptions.DecimalMode.DECIMAL);
        assertEquals(FloeType.decimal(38, 2), types(file, options).get(1));
        try (RootAllocator allocator = new RootAllocator()) {
            CsvDataset dataset = CsvDataset.open(file.toString(), options);
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> TestTables.readAll(dataset, allocator));
            assertEquals(150_002, e.line());
            assertEquals("x", e.column());
            assertEquals("1.125", e.text());
            assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "line 150002 (byte %,d), column 'x':"
                    + " cannot read '1.125' as DECIMAL(38,2) without losing digits: 3 digits after the point, DECIMAL(38,2)"
                    + " keeps 2; record: 150000,1.125; declare DECIMAL(38,3) or DOUBLE in types = {'x': 'DECIMAL(38,3)'}"
                    + " or fix the file (DECIMAL(38,2) was inferred from a sample of every file, which did not include"
                    + " this value; sample_size = -1 reads every row to infer)", sb.indexOf("150000,1.125"))), e.getMessage());
        }
        assertEquals(FloeType.decimal(38, 3), types(file, options.withSampleSize(-1)).get(1));
    }
}
