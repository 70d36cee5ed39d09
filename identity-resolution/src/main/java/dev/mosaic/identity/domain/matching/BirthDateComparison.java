package dev.mosaic.identity.domain.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * Birth dates: exact, one typo (one of year, month and day differs, or day and month swapped), within a year, or
 * different. Two clearly different dates are cannot-link evidence: namesakes are told apart by them.
 */
final class BirthDateComparison implements Comparison {

    private static final List<String> LEVELS = List.of("exact", "one_part_differs", "within_a_year", "different");

    @Override
    public String field() {
        return "birth_date";
    }

    @Override
    public List<String> levels() {
        return LEVELS;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        LocalDate x = a.birthDate();
        LocalDate y = b.birthDate();
        if (x == null || y == null) {
            return UNKNOWN;
        }
        if (x.equals(y)) {
            return 0;
        }
        if (oneTypoApart(x, y)) {
            return 1;
        }
        return withinAYear(x, y) ? 2 : 3;
    }

    /** Dates that cannot be one person's, even allowing for a typo or a date off by up to a year. */
    static boolean clearlyDifferent(LocalDate x, LocalDate y) {
        return !x.equals(y) && !oneTypoApart(x, y) && !withinAYear(x, y);
    }

    private static boolean withinAYear(LocalDate x, LocalDate y) {
        return Math.abs(java.time.temporal.ChronoUnit.DAYS.between(x, y)) <= 366;
    }

    static boolean oneTypoApart(LocalDate x, LocalDate y) {
        int differing = (x.getYear() != y.getYear() ? 1 : 0) + (x.getMonthValue() != y.getMonthValue() ? 1 : 0)
                + (x.getDayOfMonth() != y.getDayOfMonth() ? 1 : 0);
        boolean dayAndMonthSwapped = x.getYear() == y.getYear() && x.getDayOfMonth() == y.getMonthValue()
                && x.getMonthValue() == y.getDayOfMonth();
        boolean yearTypo = x.getYear() != y.getYear()
                && Similarity.oneTypoApart(Integer.toString(x.getYear()), Integer.toString(y.getYear()));
        return dayAndMonthSwapped || (differing == 1 && (x.getYear() == y.getYear() || yearTypo));
    }

    @Override
    public boolean differenceVetoes() {
        return true;
    }
}
