package dev.mosaic.identity.domain.matching;

import java.util.List;
import java.util.function.Function;

/**
 * A field compared as text: exact, one typo apart (postal codes, phone numbers) or close by Jaro-Winkler (cities,
 * streets), or different.
 */
final class TextComparison implements Comparison {

    private final String field;
    private final Function<MatchRecord, String> value;
    private final List<String> levels;
    private final boolean byTypo;
    private final double threshold;
    private final boolean termFrequency;

    private TextComparison(String field, Function<MatchRecord, String> value, boolean byTypo, double threshold,
                           boolean termFrequency) {
        this.field = field;
        this.value = value;
        this.byTypo = byTypo;
        this.threshold = threshold;
        this.termFrequency = termFrequency;
        this.levels = List.of("exact", byTypo ? "one_typo" : "jaro_winkler_" + threshold, "different");
    }

    static TextComparison byTypo(String field, Function<MatchRecord, String> value) {
        return new TextComparison(field, value, true, 0, false);
    }

    static TextComparison byJaroWinkler(String field, Function<MatchRecord, String> value, double threshold,
                                        boolean termFrequency) {
        return new TextComparison(field, value, false, threshold, termFrequency);
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public List<String> levels() {
        return levels;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        String x = value.apply(a);
        String y = value.apply(b);
        if (x == null || y == null) {
            return UNKNOWN;
        }
        if (x.equals(y)) {
            return 0;
        }
        boolean close = byTypo ? Similarity.oneTypoApart(x, y) : Similarity.jaroWinkler(x, y) >= threshold;
        return close ? 1 : 2;
    }

    @Override
    public Function<MatchRecord, String> termFrequencyValue() {
        return termFrequency ? value : null;
    }
}
