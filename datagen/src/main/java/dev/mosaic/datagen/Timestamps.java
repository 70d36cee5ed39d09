package dev.mosaic.datagen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Fixed points in time and fast ISO-8601 formatting without allocation per value. The generator never reads the
 * clock: "now" is {@link #NOW}. Local times follow the EU summer-time rule (all countries generated use it), so a
 * German record reads {@code +01:00} in winter and {@code +02:00} in summer, a British one {@code +00:00}/{@code +01:00}.
 */
final class Timestamps {

    static final long DAY = 86_400;
    static final long HOUR = 3_600;
    static final long MINUTE = 60;

    /** The generator's "now": 2026-01-01T00:00:00Z. Nothing happens at or after it. */
    static final long NOW = epochSecond(2026, 1, 1);
    /** The earliest business event: 2019-01-01T00:00:00Z. */
    static final long HISTORY_START = epochSecond(2019, 1, 1);

    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2040;
    private static final long[] SUMMER_START = new long[LAST_YEAR - FIRST_YEAR + 1];
    private static final long[] SUMMER_END = new long[LAST_YEAR - FIRST_YEAR + 1];

    static {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            SUMMER_START[year - FIRST_YEAR] = lastSunday(year, 3) * DAY + HOUR;
            SUMMER_END[year - FIRST_YEAR] = lastSunday(year, 10) * DAY + HOUR;
        }
    }

    private Timestamps() {
    }

    static long epochSecond(int year, int month, int day) {
        return LocalDate.of(year, month, day).toEpochDay() * DAY;
    }

    static int epochDay(int year, int month, int day) {
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    private static long lastSunday(int year, int month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)).toEpochDay();
    }

    /** Whether EU summer time is in force at that instant. */
    static boolean summerTime(long epochSecond) {
        int year = yearOf(Math.floorDiv(epochSecond, DAY));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return epochSecond >= lastSunday(year, 3) * DAY + HOUR && epochSecond < lastSunday(year, 10) * DAY + HOUR;
        }
        return epochSecond >= SUMMER_START[year - FIRST_YEAR] && epochSecond < SUMMER_END[year - FIRST_YEAR];
    }

    /**
     * A time on the local calendar day of {@code at}, between {@code fromHour} and {@code toHour} local wall time
     * (people shop, sign up and call in the daytime), never at or after {@link #NOW}.
     */
    static long duringLocalHours(long at, Country country, int fromHour, int toHour, Rng rng) {
        int offset = country.standardOffsetHours() + (summerTime(at) ? 1 : 0);
        long localMidnight = Math.floorDiv(at + offset * HOUR, DAY) * DAY;
        long local = localMidnight + rng.between(fromHour * HOUR, toHour * HOUR);
        long instant = local - offset * HOUR;
        while (instant >= NOW) {
            instant -= DAY;
        }
        return instant;
    }

    /** {@code 2024-05-02T10:05:00Z}. */
    static void appendUtc(StringBuilder out, long epochSecond) {
        appendDateTime(out, epochSecond);
        out.append('Z');
    }

    /** Local wall time with its offset, e.g. {@code 2024-05-02T12:05:00+02:00}. */
    static void appendLocal(StringBuilder out, long epochSecond, Country country) {
        int offsetHours = country.standardOffsetHours() + (summerTime(epochSecond) ? 1 : 0);
        appendDateTime(out, epochSecond + offsetHours * HOUR);
        out.append('+').append('0').append((char) ('0' + offsetHours)).append(":00");
    }

    static String utc(long epochSecond) {
        StringBuilder out = new StringBuilder(20);
        appendUtc(out, epochSecond);
        return out.toString();
    }

    static String local(long epochSecond, Country country) {
        StringBuilder out = new StringBuilder(25);
        appendLocal(out, epochSecond, country);
        return out.toString();
    }

    static String date(int epochDay) {
        StringBuilder out = new StringBuilder(10);
        appendDate(out, epochDay);
        return out.toString();
    }

    private static void appendDateTime(StringBuilder out, long epochSecond) {
        long day = Math.floorDiv(epochSecond, DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, DAY);
        appendDate(out, day);
        out.append('T');
        two(out, secondOfDay / 3600);
        out.append(':');
        two(out, secondOfDay / 60 % 60);
        out.append(':');
        two(out, secondOfDay % 60);
    }

    /** {@code YYYY-MM-DD} of a day counted from 1970-01-01 (Howard Hinnant's civil-from-days). */
    static void appendDate(StringBuilder out, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        four(out, (int) year);
        out.append('-');
        two(out, month);
        out.append('-');
        two(out, day);
    }

    static int yearOf(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        return (int) (yearOfEra + era * 400 + (mp >= 10 ? 1 : 0));
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void four(StringBuilder out, int value) {
        two(out, value / 100);
        two(out, value % 100);
    }
}
