package dev.mosaic.identity.domain.matching;

import java.util.List;

/**
 * Phone numbers in E.164: exact; the same national number under another country code (typed without one and read
 * in the region of a source that did not know the caller's country); one typo apart; different.
 */
final class PhoneComparison implements Comparison {

    private static final List<String> LEVELS = List.of("exact", "same_national_number", "one_typo", "different");

    @Override
    public String field() {
        return "phone";
    }

    @Override
    public List<String> levels() {
        return LEVELS;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        String x = a.phone();
        String y = b.phone();
        if (x == null || y == null) {
            return UNKNOWN;
        }
        if (x.equals(y)) {
            return 0;
        }
        if (a.phoneNational() != null && a.phoneNational().length() >= 6
                && a.phoneNational().equals(b.phoneNational())) {
            return 1;
        }
        return Similarity.oneTypoApart(x, y) ? 2 : 3;
    }
}
