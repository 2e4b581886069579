package dev.floe.io;

import dev.floe.expressions.Temporal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A deterministic timeseries-like CSV ({@code timestamp,id,name,value,x,note}) and the rows it holds,
 * computed from the generator's own values (an oracle independent of the reader). {@code note} is a
 * quoted string with commas and doubled quotes; some values are empty (NULL).
 */
public final class GeneratedCsv {
    private static final String[] NAMES = {"Alice", "Bob", "Charlie", "Dan", "Edith", "Frank", "George", "Hannah", "Zoë"};

    public final String text;
    public final List<List<Object>> rows;

    private GeneratedCsv(String text, List<List<Object>> rows) {
        this.text = text;
        this.rows = rows;
    }

    public static GeneratedCsv generate(int rowCount, long seed, String lineEnd) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("timestamp,id,name,value,x,note").append(lineEnd);
        List<List<Object>> rows = new ArrayList<>(rowCount);
        LocalDateTime t = LocalDateTime.of(2000, 1, 1, 0, 0, 0);
        for (int i = 0; i < rowCount; i++) {
            t = t.plusSeconds(1 + random.nextInt(3)).plusNanos(random.nextInt(4) == 0 ? random.nextInt(1_000_000) * 1000L : 0);
            String ts = t.toString().replace('T', ' ');
            if (ts.length() == 16) {
                ts += ":00";
            }
            long id = 900 + random.nextInt(200);
            String name = NAMES[random.nextInt(NAMES.length)];
            String value = String.format("%.6f", random.nextDouble() * 2 - 1);
            String x = random.nextInt(20) == 0 ? "" : String.format("%.6f", random.nextGaussian());
            String note = "note " + i + ", with \"quotes\"" + (i % 7 == 0 ? "" : ", and more");
            sb.append(ts).append(',').append(id).append(',').append(name).append(',').append(value).append(',')
                    .append(x).append(',').append('"').append(note.replace("\"", "\"\"")).append('"').append(lineEnd);
            rows.add(Arrays.asList(Temporal.toMicros(t), id, name, Double.parseDouble(value),
                    x.isEmpty() ? null : Double.parseDouble(x), note));
        }
        return new GeneratedCsv(sb.toString(), rows);
    }

    public Path writeTo(Path file) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
