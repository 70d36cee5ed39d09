package dev.mosaic.profile.domain.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The length of one period on the dashboard: calendar weeks (Monday to Sunday, as ISO weeks) or calendar months. */
public enum Interval {
    WEEK, MONTH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Interval> fromCode(String code) {
        return Arrays.stream(values()).filter(interval -> interval.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** The first day of the period the day falls in. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** How many periods the days from {@code from} to {@code to} touch. */
    public long periodsBetween(LocalDate from, LocalDate to) {
        return switch (this) {
            case WEEK -> ChronoUnit.WEEKS.between(startOf(from), startOf(to)) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        };
    }

    /** {@code 2025-W09} for a week (ISO week of its Monday), {@code 2025-03} for a month. */
    public String label(LocalDate start) {
        return switch (this) {
            case WEEK -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
        };
    }
}
