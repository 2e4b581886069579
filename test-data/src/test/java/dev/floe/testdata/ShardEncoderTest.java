package dev.floe.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ShardEncoderTest {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void timestampsCrossDayMonthYearAndLeapDayBoundaries() {
        String[] instants = {
            "2000-01-01 00:00:00", "2000-01-01 23:59:59", "2000-01-02 00:00:00", "2000-02-28 23:59:59",
            "2000-02-29 00:00:00", "2000-02-29 12:34:56", "2000-03-01 00:00:00", "2000-12-31 23:59:59",
            "2001-01-01 00:00:00", "2100-02-28 23:59:59", "2100-03-01 00:00:00", "1999-12-31 23:59:59",
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShardEncoder encoder = new ShardEncoder(out, 4096);
        StringBuilder expected = new StringBuilder();
        for (String instant : instants) {
            long second = LocalDateTime.parse(instant, TIMESTAMP).toEpochSecond(ZoneOffset.UTC);
            encoder.row(second, 1000, 0, 0, 0);
            expected.append(instant).append(",1000,Alice,0.000000,0.000000\n");
        }
        encoder.flush();
        assertEquals(expected.toString(), out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void microUnitsPrintWithExactlySixDecimals() {
        long[] values = {0, 1, -1, 123, -123, 278_601, -623_237, 999_999, -999_999, 1_000_000, -1_000_000,
            1_000_001, -12_345_678, 4_500_000_000L, -4_500_000_000L};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShardEncoder encoder = new ShardEncoder(out, 512); // tiny buffer: drains many times
        StringBuilder expected = new StringBuilder();
        for (long v : values) {
            encoder.row(TimeseriesGenerator.START_EPOCH_SECOND, -7, 25, v, -v);
            expected.append("2000-01-01 00:00:00,-7,Zelda,").append(BigDecimal.valueOf(v, 6).toPlainString())
                    .append(',').append(BigDecimal.valueOf(-v, 6).toPlainString()).append('\n');
        }
        assertEquals(expected.length(), encoder.flush());
        assertEquals(expected.toString(), out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void civilFromDaysMatchesJavaTime() {
        for (long day = -800_000; day <= 800_000; day += 37) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
            long packed = date.getYear() * 10_000L + date.getMonthValue() * 100 + date.getDayOfMonth();
            assertEquals(packed, ShardEncoder.civilFromDays(day), "day " + day);
        }
    }
}
