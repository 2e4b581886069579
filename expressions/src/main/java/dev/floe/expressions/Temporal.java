package dev.floe.expressions;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Calendar arithmetic on the primitive forms of TIMESTAMP (microseconds since the epoch) and DATE (days
 * since the epoch), without allocating: the hot paths of the CSV reader and the datetime kernels call
 * these per value. Proleptic Gregorian calendar, UTC.
 *
 * <p>{@link #civilFromDays} and {@link #daysFromCivil} are Howard Hinnant's public-domain algorithms.
 */
public final class Temporal {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private Temporal() {
    }

    /** Days since 1970-01-01 of the given proleptic Gregorian date. */
    public static long daysFromCivil(long year, int month, int day) {
        year -= month <= 2 ? 1 : 0;
        long era = Math.floorDiv(year, 400);
        long yoe = year - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** The date of {@code days} since the epoch packed as {@code year * 10000 + month * 100 + day}. */
    public static long civilFromDays(long days) {
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp + (mp < 10 ? 3 : -9);
        y += m <= 2 ? 1 : 0;
        return y * 10000 + m * 100 + d;
    }

    public static long year(long packedCivil) {
        return Math.floorDiv(packedCivil, 10000);
    }

    public static int month(long packedCivil) {
        return (int) Math.floorMod(packedCivil, 10000) / 100;
    }

    public static int day(long packedCivil) {
        return (int) Math.floorMod(packedCivil, 100);
    }

    /** ISO day of the week of {@code days} since the epoch: Monday = 1 .. Sunday = 7 (1970-01-01 was a Thursday). */
    public static int isoDayOfWeek(long days) {
        return (int) Math.floorMod(days + 3, 7) + 1;
    }

    /** Day of the year, 1 .. 366. */
    public static int dayOfYear(long days) {
        return (int) (days - daysFromCivil(year(civilFromDays(days)), 1, 1)) + 1;
    }

    /** The ISO week (1 .. 53): the week of the year that holds the Thursday of {@code days}' Monday-to-Sunday week. */
    public static int isoWeek(long days) {
        long thursday = days - isoDayOfWeek(days) + 4;
        long year = year(civilFromDays(thursday));
        return (int) ((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
    }

    /** Days in the month {@code month} (1..12) of {@code year}. */
    public static int daysInMonth(long year, int month) {
        return month == 12 ? 31 : (int) (daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1));
    }

    public static long toMicros(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + t.getNano() / 1000;
    }

    public static LocalDateTime toLocalDateTime(long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** {@code YYYY-MM-DD HH:MM:SS}, with a fraction (trailing zeros trimmed) only when there is one. */
    public static String formatTimestamp(long micros) {
        StringBuilder sb = new StringBuilder(26);
        appendTimestamp(sb, micros);
        return sb.toString();
    }

    public static void appendTimestamp(StringBuilder sb, long micros) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long microsOfDay = micros - days * MICROS_PER_DAY;
        appendDate(sb, days);
        long secondOfDay = microsOfDay / MICROS_PER_SECOND;
        sb.append(' ');
        pad2(sb, secondOfDay / 3600);
        sb.append(':');
        pad2(sb, secondOfDay / 60 % 60);
        sb.append(':');
        pad2(sb, secondOfDay % 60);
        long fraction = microsOfDay % MICROS_PER_SECOND;
        if (fraction != 0) {
            String digits = Long.toString(fraction + MICROS_PER_SECOND).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
    }

    /** {@code YYYY-MM-DD}. */
    public static String formatDate(long days) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, days);
        return sb.toString();
    }

    public static void appendDate(StringBuilder sb, long days) {
        long civil = civilFromDays(days);
        long year = year(civil);
        if (year >= 0 && year < 10000) {
            sb.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10))
                    .append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10));
        } else {
            sb.append(year);
        }
        sb.append('-');
        pad2(sb, month(civil));
        sb.append('-');
        pad2(sb, day(civil));
    }

    private static void pad2(StringBuilder sb, long v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
